// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
// Compiled so their artifacts ship beside the box: the governance tests put the box behind real proxies.
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {TransparentUpgradeableProxy} from "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";

/// @notice Test fixture: a UUPS implementation (OpenZeppelin 5) holding one value, upgradeable by its owner.
///         Deployed behind an ERC1967Proxy or a TransparentUpgradeableProxy, it gives the proposal checks a
///         real proxy with its EIP-1967 slots set, and a real upgradeToAndCall to flag.
contract UpgradeableBox is Initializable, UUPSUpgradeable {
    address public owner;
    uint256 public value;

    constructor() {
        _disableInitializers();
    }

    function initialize(address owner_) external initializer {
        owner = owner_;
    }

    function setValue(uint256 newValue) external {
        require(msg.sender == owner, "not the owner");
        value = newValue;
    }

    function _authorizeUpgrade(address) internal view override {
        require(msg.sender == owner, "not the owner");
    }
}
