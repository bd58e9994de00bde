// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ComputeMarket} from "../contracts/market/ComputeMarket.sol";
import {MarketFixture} from "./MarketFixture.sol";
import {VM} from "./Vm.sol";

/// @dev Random calls by three requesters and three providers with time moving. Every call is bounded to
///      plausible arguments (it may still revert: forge then discards it). Ghost records let the invariant
///      test check that final states never change, that slashes stay within the bond and that the
///      treasury only earns a fee when a provider is paid (or a slash when a provider loses).
contract MarketHandler is MarketFixture {
    address[] public actors;
    bool public finalChanged;
    bool public finalActed;
    bool public slashAboveBond;
    bool public feeWithoutPayment;
    uint256 public settledJobs;
    uint256 public calls;
    mapping(uint256 => uint8) public finalState;

    constructor() {
        deployMarket();
        VM.prank(TIMELOCK);
        market.setResolveWindow(300);
        for (uint160 i = 1; i <= 3; i++) {
            address requester = address(0x1000 + i);
            address providerAccount = address(0x2000 + i);
            fund(requester, 1_000_000e18);
            register(providerAccount, MIN_STAKE * 2);
            fund(providerAccount, 1_000e18);
            actors.push(requester);
            actors.push(providerAccount);
        }
    }

    function actorList() external view returns (address[] memory) {
        return actors;
    }

    function requesterOf(uint256 seed) internal view returns (address) {
        return actors[(seed % 3) * 2];
    }

    function providerOf(uint256 seed) internal view returns (address) {
        return actors[(seed % 3) * 2 + 1];
    }

    /// @dev A job in `state`, searched from a random start (0 when there is none), so most calls do something.
    function jobIn(uint256 seed, uint8 state) internal view returns (uint256) {
        uint256 n = market.jobCount();
        for (uint256 k = 0; k < n; k++) {
            uint256 id = 1 + (seed + k) % n;
            if (market.jobState(id) == state) return id;
        }
        return 0;
    }

    // ---- actions ----

    function wait(uint256 seconds_) external {
        VM.warp(block.timestamp + seconds_ % 200);
    }

    /// @dev Moves a random job one step along a path chosen by `choice`, so long call sequences reach every
    ///      state (the single-action functions below mostly probe refusals). Declared three times to weigh it.
    function step(uint256 seed, uint256 choice) public {
        uint256 n = market.jobCount();
        if (n == 0) return;
        uint256 id = 1 + seed % n;
        ComputeMarket.Job memory j = market.job(id);
        uint256 fee = feeOf(id);
        if (j.state == 1) {
            if (choice % 6 == 0) {
                VM.prank(j.requester);
                market.cancel(id);
            } else {
                VM.prank(providerOf(choice));
                market.claim(id);
            }
        } else if (j.state == 2) {
            if (choice % 4 == 0) {
                VM.warp(uint256(j.deadline) + 1);
                market.expire(id);
            } else {
                VM.prank(market.jobProvider(id));
                market.submit(id, keccak256(abi.encode(id)), "r");
            }
        } else if (j.state == 3) {
            if (choice % 3 == 0) {
                VM.prank(j.requester);
                market.dispute(id, bytes32(choice));
                fee = 0;
            } else if (choice % 3 == 1) {
                VM.prank(j.requester);
                market.accept(id);
            } else {
                VM.warp(uint256(j.deadline) + 1);
                market.finalize(id);
            }
        } else if (j.state == 5) {
            if (choice % 4 == 0) {
                VM.warp(uint256(j.deadline) + 1);
                market.expire(id);
                fee = 0;
            } else {
                resolve(id, choice % 4 == 1, choice);
                return;
            }
        } else {
            return;
        }
        track(id, j.state == 1 || j.state == 2 ? 0 : fee);
    }

    /// @dev Tries every action, by the party allowed to take it, on a settled, resolved, expired or cancelled job:
    ///      none may succeed.
    function pokeFinalJob(uint256 seed, uint256 action) external {
        uint256 n = market.jobCount();
        uint256 id;
        for (uint256 k = 0; k < n && id == 0; k++) {
            uint256 candidate = 1 + (seed + k) % n;
            if (finalState[candidate] != 0) id = candidate;
        }
        if (id == 0) return;
        VM.warp(block.timestamp + 400); // past every window
        address requester = market.job(id).requester;
        address claimant = market.jobProvider(id);
        bool ok;
        action %= 8;
        if (action == 0) { VM.prank(requester); (ok,) = address(market).call(abi.encodeCall(market.accept, (id))); }
        if (action == 1) { (ok,) = address(market).call(abi.encodeCall(market.finalize, (id))); }
        if (action == 2) { (ok,) = address(market).call(abi.encodeCall(market.expire, (id))); }
        if (action == 3) { VM.prank(requester); (ok,) = address(market).call(abi.encodeCall(market.cancel, (id))); }
        if (action == 4) { VM.prank(requester); (ok,) = address(market).call(abi.encodeCall(market.dispute, (id, bytes32(0)))); }
        if (action == 5) { VM.prank(providerOf(seed)); (ok,) = address(market).call(abi.encodeCall(market.claim, (id))); }
        if (action == 6) { VM.prank(claimant); (ok,) = address(market).call(abi.encodeCall(market.submit, (id, bytes32(0), ""))); }
        if (action == 7) { VM.prank(TIMELOCK); (ok,) = address(market).call(abi.encodeCall(market.resolve, (id, false, 0, bytes32(0)))); }
        if (ok) finalActed = true;
        track(0, 0);
    }

    function step2(uint256 seed, uint256 choice) external {
        step(seed, choice);
    }

    function step3(uint256 seed, uint256 choice) external {
        step(seed, choice);
    }

    function postJob(uint256 who, uint256 price, uint64 claimWindow, uint64 execWindow) external {
        price = 1 + price % 50e18;
        VM.prank(requesterOf(who));
        market.postJob(uint8(who % 2), bytes32(price), "u", price, 1 + claimWindow % 200, 1 + execWindow % 60);
        track(0, 0);
    }

    function claim(uint256 who, uint256 seed) external {
        uint256 id = jobIn(seed, 1);
        VM.prank(providerOf(who));
        market.claim(id);
        track(id, 0);
    }

    function submit(uint256 seed) external {
        uint256 id = jobIn(seed, 2);
        VM.prank(market.jobProvider(id));
        market.submit(id, keccak256(abi.encode(id)), "r");
        track(id, 0);
    }

    function accept(uint256 seed) external {
        uint256 id = jobIn(seed, 3);
        uint256 fee = feeOf(id);
        VM.prank(market.job(id).requester);
        market.accept(id);
        track(id, fee);
    }

    function finalize(uint256 seed) external {
        uint256 id = jobIn(seed, 3);
        uint256 fee = feeOf(id);
        market.finalize(id);
        track(id, fee);
    }

    function dispute(uint256 seed) external {
        uint256 id = jobIn(seed, 3);
        VM.prank(market.job(id).requester);
        market.dispute(id, bytes32(seed));
        track(id, 0);
    }

    function expire(uint256 seed) external {
        uint256 id = jobIn(seed, uint8(1 + seed % 3) == 3 ? 5 : uint8(1 + seed % 3));
        market.expire(id);
        track(id, 0);
    }

    function cancel(uint256 seed) external {
        uint256 id = jobIn(seed, 1);
        VM.prank(market.job(id).requester);
        market.cancel(id);
        track(id, 0);
    }

    function resolve(uint256 seed, bool providerWins, uint256 slash) public {
        uint256 id = market.jobState(seed) == 5 ? seed : jobIn(seed, 5);
        uint256 bond = market.terms(market.job(id).termsId).bond;
        address claimant = market.jobProvider(id);
        slash = providerWins ? 0 : slash % (2 * bond + 1); // over-bond slashes must be refused
        ComputeMarket.Provider memory p = market.provider(claimant);
        uint256 before = p.stake + p.locked;
        VM.prank(TIMELOCK);
        market.resolve(id, providerWins, slash, bytes32(seed));
        p = market.provider(claimant);
        if (before - (p.stake + p.locked) > bond) slashAboveBond = true;
        track(id, providerWins ? feeOf(id) : before - (p.stake + p.locked));
    }

    function withdraw(uint256 who) external {
        VM.prank(actors[who % actors.length]);
        market.withdraw();
        track(0, 0);
    }

    function addStake(uint256 who, uint256 amount) external {
        VM.prank(providerOf(who));
        market.addStake(1 + amount % 100e18);
        track(0, 0);
    }

    function requestUnstake(uint256 who, uint256 amount) external {
        address p = providerOf(who);
        uint256 stake = market.provider(p).stake;
        VM.prank(p);
        market.requestUnstake(1 + amount % stake);
        track(0, 0);
    }

    function completeUnstake(uint256 who) external {
        VM.prank(providerOf(who));
        market.completeUnstake();
        track(0, 0);
    }

    function setFee(uint256 bps) external {
        VM.prank(TIMELOCK);
        market.setFeeBps(bps % 1_001);
        track(0, 0);
    }

    // ---- ghost bookkeeping ----

    uint256 private treasurySeen;

    function feeOf(uint256 id) internal view returns (uint256) {
        ComputeMarket.Job memory j = market.job(id);
        return uint256(j.price) * market.terms(j.termsId).feeBps / 10_000;
    }

    /// @dev After a successful call on job `id` (0: none) that should have earned the treasury `earned`.
    function track(uint256 id, uint256 earned) internal {
        calls++;
        uint256 treasury = market.credits(TIMELOCK);
        if (treasury != treasurySeen + earned) feeWithoutPayment = true;
        treasurySeen = treasury;
        uint256 n = market.jobCount();
        for (uint256 k = 1; k <= n; k++) {
            uint8 s = market.jobState(k);
            uint8 seen = finalState[k];
            if (seen != 0 && s != seen) finalChanged = true;
            if (seen == 0 && (s == 4 || s == 6 || s == 7 || s == 8)) {
                finalState[k] = s;
                settledJobs++;
            }
        }
        id; // every job is re-checked above: a call must never move another job either
    }

    function owedNow() external view returns (uint256) {
        return owed(actors, market.jobCount());
    }

    function marketAddress() external view returns (address) {
        return address(market);
    }

    function tokenBalance() external view returns (uint256) {
        return token.balanceOf(address(market));
    }
}
