// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

/// @notice Test fixture: an ERC20Votes token on OpenZeppelin's default block-number clock, so a Governor
///         on it counts its voting delay and period in blocks (as many deployed governors do; HearthToken
///         counts seconds). The whole supply goes to `holder`.
contract BlockVotesToken is ERC20, ERC20Votes {
    constructor(address holder, uint256 supply) ERC20("Block Votes", "BVOTE") EIP712("Block Votes", "1") {
        _mint(holder, supply);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
