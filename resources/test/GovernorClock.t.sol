// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {HearthToken} from "../contracts/HearthToken.sol";
import {HearthGovernor} from "../contracts/HearthGovernor.sol";
import {HearthTimelock} from "../contracts/HearthTimelock.sol";
import {BlockVotesToken} from "../contracts/test/BlockVotesToken.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {VM} from "./Vm.sol";

/// @dev The demo governor counts seconds (HearthToken's ERC-6372 timestamp clock); on a block-number
///      token the same governor counts blocks. Each: clock, mode, and a vote that opens and closes with it.
contract GovernorClockTest {
    uint48 internal constant DELAY = 60;
    uint32 internal constant PERIOD = 3600;

    function governorOn(IVotes token) internal returns (HearthGovernor) {
        address[] memory none = new address[](0);
        HearthTimelock timelock = new HearthTimelock(60, none, none, address(this));
        return new HearthGovernor(token, TimelockController(payable(address(timelock))), DELAY, PERIOD, 0, 4);
    }

    function proposeOne(HearthGovernor governor, address target) internal returns (uint256) {
        address[] memory targets = new address[](1);
        targets[0] = target;
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = abi.encodeWithSignature("name()");
        return governor.propose(targets, values, calldatas, "# Clock");
    }

    function testTheDemoTokenAndGovernorCountSeconds() public {
        VM.warp(1_800_000_000);
        HearthToken token = new HearthToken(address(this));
        token.delegate(address(this));
        HearthGovernor governor = governorOn(token);
        require(keccak256(bytes(token.CLOCK_MODE())) == keccak256("mode=timestamp"), "token mode");
        require(keccak256(bytes(governor.CLOCK_MODE())) == keccak256("mode=timestamp"), "governor mode");
        require(token.clock() == block.timestamp && governor.clock() == block.timestamp, "clock is the timestamp");

        uint256 id = proposeOne(governor, address(token));
        require(governor.proposalSnapshot(id) == block.timestamp + DELAY, "snapshot in seconds");
        require(governor.proposalDeadline(id) == block.timestamp + DELAY + PERIOD, "deadline in seconds");
        VM.roll(block.number + 100_000);
        require(governor.state(id) == IGovernor.ProposalState.Pending, "blocks alone do not open the vote");
        VM.warp(block.timestamp + DELAY + 1);
        require(governor.state(id) == IGovernor.ProposalState.Active, "open after the delay in seconds");
        governor.castVote(id, 1);
        VM.warp(block.timestamp + PERIOD);
        require(governor.state(id) == IGovernor.ProposalState.Succeeded, "closed after the period in seconds");
        require(governor.getVotes(address(this), governor.proposalSnapshot(id)) == token.INITIAL_SUPPLY(), "votes at the snapshot");
    }

    function testAGovernorOnABlockNumberTokenCountsBlocks() public {
        BlockVotesToken token = new BlockVotesToken(address(this), 1_000e18);
        token.delegate(address(this));
        HearthGovernor governor = governorOn(token);
        require(keccak256(bytes(governor.CLOCK_MODE())) == keccak256("mode=blocknumber&from=default"), "governor mode");
        require(governor.clock() == block.number, "clock is the block number");

        uint256 id = proposeOne(governor, address(token));
        require(governor.proposalSnapshot(id) == block.number + DELAY, "snapshot in blocks");
        VM.warp(block.timestamp + 365 days);
        require(governor.state(id) == IGovernor.ProposalState.Pending, "time alone does not open the vote");
        VM.roll(block.number + DELAY + 1);
        require(governor.state(id) == IGovernor.ProposalState.Active, "open after the delay in blocks");
    }
}
