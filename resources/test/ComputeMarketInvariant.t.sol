// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ComputeMarket} from "../contracts/market/ComputeMarket.sol";
import {MarketHandler} from "./MarketHandler.sol";
import {VM, VM_SNAPSHOTS} from "./Vm.sol";

/// @dev Invariants over random call sequences driven through MarketHandler.
contract ComputeMarketInvariantTest {
    MarketHandler internal handler;
    ComputeMarket internal market;

    function setUp() public {
        handler = new MarketHandler();
        market = ComputeMarket(handler.marketAddress());
    }

    /// @dev forge reads the contracts to call at random from this function.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function invariant_balanceEqualsEscrowsStakesBondsAndCredits() public view {
        require(handler.tokenBalance() == handler.owedNow(), "market balance != what it owes");
    }

    function invariant_eachJobSettlesOnce() public view {
        require(!handler.finalChanged(), "a final job changed state");
        require(!handler.finalActed(), "an action succeeded on a final job");
    }

    function invariant_slashNeverExceedsBond() public view {
        require(!handler.slashAboveBond(), "slash above the bond");
    }

    function invariant_feeOnlyWhenProviderPaid() public view {
        require(!handler.feeWithoutPayment(), "treasury earned without a provider paid or slashed");
    }

    /// @dev For each non-final job: after its window, anyone can move it on, and at most two such steps
    ///      (a stalled claim reopens, then the open job expires) make it final.
    function invariant_everyNonFinalJobHasAnExit() public {
        uint256 n = market.jobCount();
        for (uint256 id = 1; id <= n; id++) {
            uint256 snapshot = VM_SNAPSHOTS.snapshotState();
            for (uint256 step = 0; step < 3; step++) {
                ComputeMarket.Job memory j = market.job(id);
                if (j.state == 1) {
                    VM.warp(uint256(j.claimDeadline) + 1);
                    market.expire(id);
                } else if (j.state == 2 || j.state == 5) {
                    VM.warp(uint256(j.deadline) + 1);
                    market.expire(id);
                } else if (j.state == 3) {
                    VM.warp(uint256(j.deadline) + 1);
                    market.finalize(id);
                }
            }
            uint8 s = market.jobState(id);
            require(s == 4 || s == 6 || s == 7 || s == 8, "job without an exit");
            VM_SNAPSHOTS.revertToState(snapshot);
        }
    }
}
