// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

/// @notice Test fixture: an ERC20Votes token on the timestamp clock (ERC-6372 mode=timestamp), so a
///         Governor on it counts its voting delay and period in seconds. The whole supply goes to `holder`.
contract TimestampVotesToken is ERC20, ERC20Votes {
    constructor(address holder, uint256 supply) ERC20("Clock Token", "CLK") EIP712("Clock Token", "1") {
        _mint(holder, supply);
    }

    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
