// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ComputeMarket} from "../contracts/market/ComputeMarket.sol";
import {VM} from "./Vm.sol";

contract TestToken is ERC20 {
    constructor() ERC20("Test", "TST") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @dev A market on a test token with a fixed timelock address, and helpers that fund and approve actors.
abstract contract MarketFixture {
    uint256 internal constant FEE_BPS = 250;
    uint256 internal constant MIN_STAKE = 100e18;
    uint256 internal constant BOND = 10e18;
    uint256 internal constant REVIEW = 30;
    uint256 internal constant RESOLVE = 1 days;
    uint256 internal constant COOLDOWN = 60;
    uint64 internal constant CLAIM_WINDOW = 120;
    uint64 internal constant EXEC_WINDOW = 20;
    uint256 internal constant PRICE = 5e18;

    address internal constant TIMELOCK = address(0x7110c4);
    TestToken internal token;
    ComputeMarket internal market;

    function deployMarket() internal {
        VM.warp(1_000_000);
        token = new TestToken();
        market = new ComputeMarket(IERC20(address(token)), TIMELOCK, FEE_BPS, MIN_STAKE, BOND, REVIEW, RESOLVE, COOLDOWN);
    }

    function fund(address who, uint256 amount) internal {
        token.mint(who, amount);
        VM.prank(who);
        token.approve(address(market), type(uint256).max);
    }

    function register(address who, uint256 stake) internal {
        fund(who, stake);
        VM.prank(who);
        market.registerProvider(stake, "http://127.0.0.1:8080", keccak256(abi.encode(who)));
    }

    function post(address requester, uint256 price) internal returns (uint256 id) {
        VM.prank(requester);
        id = market.postJob(1, keccak256("spec"), "http://127.0.0.1:8081", price, CLAIM_WINDOW, EXEC_WINDOW);
    }

    /// @dev Everything the market must hold for the given actors (the timelock's credits included).
    function owed(address[] memory actors, uint256 jobs) internal view returns (uint256 total) {
        for (uint256 i = 0; i < actors.length; i++) {
            ComputeMarket.Provider memory p = market.provider(actors[i]);
            total += p.stake + p.locked + p.unstaking + market.credits(actors[i]);
        }
        total += market.credits(TIMELOCK);
        for (uint256 id = 1; id <= jobs; id++) {
            ComputeMarket.Job memory j = market.job(id);
            if (j.state == 1 || j.state == 2 || j.state == 3) total += j.price;
            if (j.state == 5) total += uint256(j.price) + market.terms(j.termsId).bond;
        }
    }
}
