// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ComputeMarket} from "../contracts/market/ComputeMarket.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {MarketFixture} from "./MarketFixture.sol";
import {VM} from "./Vm.sol";

/// @dev Each path of a job and each refusal, with exact balances.
contract ComputeMarketTest is MarketFixture {
    address internal constant ALICE = address(0xA11CE); // requester
    address internal constant BOB = address(0xB0B); // provider
    address internal constant CAROL = address(0xCA401); // second provider
    address internal constant EVE = address(0xE4E); // anyone

    function setUp() public {
        deployMarket();
        fund(ALICE, 1_000e18);
        register(BOB, MIN_STAKE);
        register(CAROL, MIN_STAKE);
    }

    function claimed() internal returns (uint256 id) {
        id = post(ALICE, PRICE);
        VM.prank(BOB);
        market.claim(id);
    }

    function submitted() internal returns (uint256 id) {
        id = claimed();
        VM.prank(BOB);
        market.submit(id, keccak256("result"), "http://127.0.0.1:8080");
    }

    function testPostPullsExactlyThePriceAndRecordsTheJob() public {
        uint256 id = post(ALICE, PRICE);
        require(id == 1 && market.jobCount() == 1, "id");
        require(token.balanceOf(ALICE) == 1_000e18 - PRICE, "requester paid exactly price");
        require(token.balanceOf(address(market)) == 2 * MIN_STAKE + PRICE, "escrow");
        ComputeMarket.Job memory j = market.job(id);
        require(j.requester == ALICE && j.kind == 1 && j.state == 1 && j.price == PRICE, "job");
        ComputeMarket.Terms memory t = market.terms(j.termsId);
        require(t.feeBps == FEE_BPS && t.bond == BOND && t.reviewWindow == REVIEW && j.execWindow == EXEC_WINDOW, "params");
        require(j.claimDeadline == block.timestamp + CLAIM_WINDOW && market.jobProvider(id) == address(0), "deadline");
    }

    function testHappyPathPaysProviderAndFeeToTimelock() public {
        uint256 id = submitted();
        require(market.jobState(id) == 3, "submitted");
        require(market.jobProvider(id) == BOB, "claimant");
        VM.prank(ALICE);
        market.accept(id);
        uint256 fee = PRICE * FEE_BPS / 10_000;
        require(market.jobState(id) == 4, "settled");
        require(market.credits(BOB) == PRICE - fee && market.credits(TIMELOCK) == fee, "credits");
        ComputeMarket.Provider memory p = market.provider(BOB);
        require(p.stake == MIN_STAKE && p.locked == 0, "bond unlocked");
        VM.prank(BOB);
        market.withdraw();
        require(token.balanceOf(BOB) == PRICE - fee && market.credits(BOB) == 0, "withdrawn");
    }

    function testFinalizeByAnyoneAfterReviewWindow() public {
        uint256 id = submitted();
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.WindowOpen.selector);
        market.finalize(id);
        VM.warp(block.timestamp + REVIEW + 1);
        VM.prank(EVE);
        market.finalize(id);
        require(market.jobState(id) == 4 && market.credits(BOB) == PRICE - PRICE * FEE_BPS / 10_000, "finalized");
        VM.expectRevert(abi.encodeWithSelector(ComputeMarket.WrongState.selector, uint8(4)));
        market.finalize(id);
    }

    function testExpireAfterExecWindowReopensAndPenalisesHalfTheBond() public {
        uint256 id = claimed();
        VM.expectRevert(ComputeMarket.WindowOpen.selector);
        market.expire(id);
        VM.warp(block.timestamp + EXEC_WINDOW + 1);
        VM.prank(BOB);
        VM.expectRevert(ComputeMarket.WindowClosed.selector);
        market.submit(id, bytes32(0), "");
        VM.prank(EVE);
        market.expire(id);
        require(market.jobState(id) == 1 && market.jobProvider(id) == address(0), "reopened");
        require(market.credits(ALICE) == BOND / 2, "requester compensated");
        ComputeMarket.Provider memory p = market.provider(BOB);
        require(p.stake == MIN_STAKE - BOND / 2 && p.locked == 0, "half the bond lost");
        VM.prank(CAROL);
        market.claim(id);
        require(market.jobProvider(id) == CAROL, "claimed again");
    }

    function testExpireAfterClaimWindowRefundsEscrow() public {
        uint256 id = claimed();
        VM.warp(block.timestamp + CLAIM_WINDOW + 1);
        market.expire(id);
        require(market.jobState(id) == 7 && market.credits(ALICE) == PRICE + BOND / 2, "expired with refund");
        uint256 open = post(ALICE, PRICE);
        VM.warp(block.timestamp + CLAIM_WINDOW + 1);
        VM.prank(BOB);
        VM.expectRevert(ComputeMarket.WindowClosed.selector);
        market.claim(open);
        market.expire(open);
        require(market.jobState(open) == 7 && market.credits(ALICE) == 2 * PRICE + BOND / 2, "open job expired");
    }

    function testCancelWhileOpenOnly() public {
        uint256 id = post(ALICE, PRICE);
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.NotRequester.selector);
        market.cancel(id);
        VM.prank(ALICE);
        market.cancel(id);
        require(market.jobState(id) == 8 && market.credits(ALICE) == PRICE, "cancelled");
        uint256 other = claimed();
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ComputeMarket.WrongState.selector, uint8(2)));
        market.cancel(other);
    }

    function testDisputeThenRequesterWinsWithCappedSlash() public {
        uint256 id = submitted();
        VM.prank(ALICE);
        market.dispute(id, keccak256("evidence"));
        require(market.jobState(id) == 5, "disputed");
        require(token.balanceOf(address(market)) == 2 * MIN_STAKE + PRICE + BOND, "requester bond pulled");
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.NotTimelock.selector);
        market.resolve(id, false, BOND, bytes32(0));
        VM.prank(TIMELOCK);
        VM.expectRevert(ComputeMarket.BadAmount.selector);
        market.resolve(id, false, BOND + 1, bytes32(0));
        VM.prank(TIMELOCK);
        market.resolve(id, false, BOND * 3 / 4, keccak256("verdict"));
        require(market.jobState(id) == 6, "resolved");
        require(market.credits(ALICE) == PRICE + BOND && market.credits(TIMELOCK) == BOND * 3 / 4, "refund and slash");
        ComputeMarket.Provider memory p = market.provider(BOB);
        require(p.stake == MIN_STAKE - BOND * 3 / 4 && p.locked == 0, "rest unlocked");
    }

    function testDisputeThenProviderWins() public {
        uint256 id = submitted();
        VM.prank(ALICE);
        market.dispute(id, keccak256("evidence"));
        VM.prank(TIMELOCK);
        VM.expectRevert(ComputeMarket.BadAmount.selector);
        market.resolve(id, true, 1, bytes32(0));
        VM.prank(TIMELOCK);
        market.resolve(id, true, 0, keccak256("verdict"));
        uint256 fee = PRICE * FEE_BPS / 10_000;
        require(market.jobState(id) == 6 && market.credits(BOB) == PRICE - fee + BOND, "paid plus requester bond");
        require(market.credits(TIMELOCK) == fee && market.credits(ALICE) == 0, "fee");
    }

    function testDisputeRefusedAfterReviewWindowAndByOthers() public {
        uint256 id = submitted();
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.NotRequester.selector);
        market.dispute(id, bytes32(0));
        VM.warp(block.timestamp + REVIEW + 1);
        VM.prank(ALICE);
        VM.expectRevert(ComputeMarket.WindowClosed.selector);
        market.dispute(id, bytes32(0));
    }

    function testUnresolvedDisputeExpiresWithEveryoneRefunded() public {
        uint256 id = submitted();
        VM.prank(ALICE);
        market.dispute(id, bytes32(0));
        VM.expectRevert(ComputeMarket.WindowOpen.selector);
        market.expire(id);
        VM.warp(block.timestamp + RESOLVE + 1);
        market.expire(id);
        require(market.jobState(id) == 7 && market.credits(ALICE) == PRICE + BOND, "refunded");
        require(market.provider(BOB).stake == MIN_STAKE && market.credits(TIMELOCK) == 0, "no fee, no slash");
    }

    function testClaimRefusals() public {
        uint256 id = post(ALICE, PRICE);
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.NotRegistered.selector);
        market.claim(id);
        register(ALICE, MIN_STAKE);
        VM.prank(ALICE);
        VM.expectRevert(ComputeMarket.OwnJob.selector);
        market.claim(id);
        VM.prank(BOB);
        VM.expectRevert(ComputeMarket.BadAmount.selector);
        market.requestUnstake(0);
        VM.prank(BOB);
        market.requestUnstake(MIN_STAKE - BOND + 1);
        VM.prank(BOB);
        VM.expectRevert(ComputeMarket.InsufficientStake.selector);
        market.claim(id);
        VM.prank(CAROL);
        market.claim(id);
        VM.prank(BOB);
        VM.expectRevert(abi.encodeWithSelector(ComputeMarket.WrongState.selector, uint8(2)));
        market.claim(id);
        VM.prank(BOB);
        VM.expectRevert(ComputeMarket.NotClaimant.selector);
        market.submit(id, bytes32(0), "");
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ComputeMarket.WrongState.selector, uint8(2)));
        market.accept(id);
    }

    function testPostRefusals() public {
        VM.startPrank(ALICE);
        VM.expectRevert(ComputeMarket.BadAmount.selector);
        market.postJob(1, bytes32(0), "", 0, CLAIM_WINDOW, EXEC_WINDOW);
        VM.expectRevert(ComputeMarket.BadWindow.selector);
        market.postJob(1, bytes32(0), "", PRICE, 0, EXEC_WINDOW);
        VM.expectRevert(ComputeMarket.BadWindow.selector);
        market.postJob(1, bytes32(0), "", PRICE, CLAIM_WINDOW, 0);
        VM.stopPrank();
        VM.prank(EVE); // no allowance, no tokens
        VM.expectRevert();
        market.postJob(1, bytes32(0), "", PRICE, CLAIM_WINDOW, EXEC_WINDOW);
    }

    function testActionsInTheWrongStateAreRefused() public {
        uint256 id = submitted();
        VM.warp(block.timestamp + 1 days);
        VM.expectRevert(abi.encodeWithSelector(ComputeMarket.WrongState.selector, uint8(3)));
        market.expire(id); // a submitted job exits through finalize, not expire
        VM.prank(TIMELOCK);
        VM.expectRevert(abi.encodeWithSelector(ComputeMarket.WrongState.selector, uint8(3)));
        market.resolve(id, false, 0, bytes32(0)); // nothing to resolve without a dispute
        market.finalize(id);
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ComputeMarket.WrongState.selector, uint8(4)));
        market.dispute(id, bytes32(0));
        VM.expectRevert(abi.encodeWithSelector(ComputeMarket.WrongState.selector, uint8(4)));
        market.expire(id);
        VM.expectRevert(abi.encodeWithSelector(ComputeMarket.WrongState.selector, uint8(0)));
        market.claim(99);
        VM.prank(BOB);
        VM.expectRevert(ComputeMarket.BadAmount.selector);
        market.completeUnstake(); // nothing unstaking
    }

    function testAcceptOnlyByRequester() public {
        uint256 id = submitted();
        VM.prank(BOB);
        VM.expectRevert(ComputeMarket.NotRequester.selector);
        market.accept(id);
    }

    function testRegistrationStakeAndUnstakeCooldown() public {
        fund(EVE, 1_000e18);
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.InsufficientStake.selector);
        market.registerProvider(MIN_STAKE - 1, "x", bytes32(0));
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.NotRegistered.selector);
        market.addStake(1);
        VM.prank(EVE);
        market.registerProvider(MIN_STAKE, "http://e", bytes32(uint256(7)));
        VM.prank(EVE);
        market.addStake(50e18);
        ComputeMarket.Provider memory p = market.provider(EVE);
        require(p.id == 3 && p.stake == MIN_STAKE + 50e18 && p.attestation == bytes32(uint256(7)), "registered");
        require(keccak256(bytes(p.endpoint)) == keccak256("http://e"), "endpoint");
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.BadAmount.selector);
        market.requestUnstake(MIN_STAKE + 50e18 + 1);
        VM.prank(EVE);
        market.requestUnstake(50e18);
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.WindowOpen.selector);
        market.completeUnstake();
        VM.warp(block.timestamp + COOLDOWN);
        VM.prank(EVE);
        market.completeUnstake();
        VM.prank(EVE);
        market.withdraw();
        require(token.balanceOf(EVE) == 1_000e18 - MIN_STAKE, "unstaked");
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.NothingToWithdraw.selector);
        market.withdraw();
    }

    function testFuzzStakeStaysWithinUint96(uint256 extra) public {
        uint256 room = type(uint96).max - MIN_STAKE;
        extra = bound(extra, 1, type(uint128).max);
        fund(BOB, extra);
        VM.prank(BOB);
        if (extra > room) VM.expectRevert(ComputeMarket.BadAmount.selector);
        market.addStake(extra);
        ComputeMarket.Provider memory p = market.provider(BOB);
        require(p.stake == (extra > room ? MIN_STAKE : MIN_STAKE + extra), "stake");
    }

    function testParametersBelongToTheTimelockAndNeverChangeExistingJobs() public {
        uint256 id = post(ALICE, PRICE);
        VM.prank(EVE);
        VM.expectRevert(ComputeMarket.NotTimelock.selector);
        market.setFeeBps(10);
        VM.prank(TIMELOCK);
        VM.expectRevert(ComputeMarket.FeeTooHigh.selector);
        market.setFeeBps(1_001);
        VM.startPrank(TIMELOCK);
        market.setFeeBps(1_000);
        market.setClaimBond(1e18);
        market.setReviewWindow(5);
        market.setMinStake(1e18);
        market.setResolveWindow(7);
        market.setUnstakeCooldown(9);
        VM.stopPrank();
        ComputeMarket.Terms memory j = market.terms(market.job(id).termsId);
        require(j.feeBps == FEE_BPS && j.bond == BOND && j.reviewWindow == REVIEW && j.resolveWindow == RESOLVE, "old job kept");
        ComputeMarket.Terms memory k = market.terms(market.job(post(ALICE, PRICE)).termsId);
        require(k.feeBps == 1_000 && k.bond == 1e18 && k.reviewWindow == 5 && k.resolveWindow == 7, "new job uses new");
        require(k.minStake == 1e18 && market.feeBps() == 1_000 && market.minStake() == 1e18, "current terms");
        VM.prank(BOB);
        market.claim(id);
        require(market.provider(BOB).locked == BOND, "old bond locked");
    }

    function testFuzzSettlementIsExact(uint96 price, uint16 fee) public {
        VM.assume(price > 0);
        fee = uint16(bound(fee, 0, 1_000));
        VM.prank(TIMELOCK);
        market.setFeeBps(fee);
        fund(ALICE, price);
        uint256 id = post(ALICE, price);
        VM.prank(BOB);
        market.claim(id);
        VM.prank(BOB);
        market.submit(id, bytes32(uint256(1)), "");
        VM.prank(ALICE);
        market.accept(id);
        uint256 cut = uint256(price) * fee / 10_000;
        require(market.credits(BOB) == price - cut && market.credits(TIMELOCK) == cut, "split");
        require(token.balanceOf(address(market)) == 2 * MIN_STAKE + price, "held");
    }

    function testFuzzSlashNeverExceedsBond(uint256 slash) public {
        uint256 id = submitted();
        VM.prank(ALICE);
        market.dispute(id, bytes32(0));
        VM.prank(TIMELOCK);
        if (slash > BOND) VM.expectRevert(ComputeMarket.BadAmount.selector);
        market.resolve(id, false, slash, bytes32(0));
        if (slash <= BOND) {
            require(market.credits(TIMELOCK) == slash && market.provider(BOB).stake == MIN_STAKE - slash, "slashed");
        }
    }

    function testFuzzWindowsBoundDeadlines(uint64 claimWindow, uint64 execWindow, uint32 wait) public {
        claimWindow = uint64(bound(claimWindow, 1, 365 days));
        execWindow = uint64(bound(execWindow, 1, type(uint24).max));
        VM.prank(ALICE);
        uint256 id = market.postJob(2, bytes32(0), "", PRICE, claimWindow, execWindow);
        VM.prank(BOB);
        market.claim(id);
        VM.warp(block.timestamp + wait);
        if (wait <= execWindow) {
            VM.expectRevert(ComputeMarket.WindowOpen.selector);
            market.expire(id);
        } else {
            market.expire(id);
            require(market.jobState(id) == (wait <= claimWindow ? 1 : 7), "reopened only within claim window");
        }
    }

    function bound(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) {
        return lo + x % (hi - lo + 1);
    }
}
