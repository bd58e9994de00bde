// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title HearthItems
/// @notice Multi-token (ERC-1155) items with a 5% default ERC-2981 royalty to the initial owner.
contract HearthItems is ERC1155, ERC2981, Ownable {
    uint96 public constant DEFAULT_ROYALTY_BPS = 500;

    constructor(address initialOwner) ERC1155("https://items.hearth.invalid/{id}.json") Ownable(initialOwner) {
        _setDefaultRoyalty(initialOwner, DEFAULT_ROYALTY_BPS);
    }

    /// @notice Collection name, for wallets and explorers that look for one.
    function name() external pure returns (string memory) {
        return "Hearth Items";
    }

    /// @notice Mints `amount` of item `id` to `to`. Owner only.
    function mint(address to, uint256 id, uint256 amount) external onlyOwner {
        _mint(to, id, amount, "");
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, ERC2981) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
