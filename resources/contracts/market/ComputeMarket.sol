// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title ComputeMarket
/// @notice Compute jobs paid in one ERC-20 token: the requester's price is held in escrow from postJob, a
///         staked provider claims (locking a bond from its stake), submits a result digest, and is paid
///         price - fee when the requester accepts or stays silent past the review window. A stalled
///         claim expires (half the bond to the requester) and the job reopens while its claim window
///         lasts. Disputes are settled by the timelock (the DAO), which may slash the bond. Every payout
///         is a credit the owner pulls with withdraw(). Parameters belong to the timelock and are copied
///         into each job when it is posted, so a change never touches an existing job.
/// @dev    Token balance == open escrows + dispute bonds + stakes (free, locked, unstaking) + credits.
contract ComputeMarket is ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // Job states; the numbering is part of the external interface.
    uint8 public constant NONE = 0;
    uint8 public constant OPEN = 1;
    uint8 public constant CLAIMED = 2;
    uint8 public constant SUBMITTED = 3;
    uint8 public constant SETTLED = 4;
    uint8 public constant DISPUTED = 5;
    uint8 public constant RESOLVED = 6;
    uint8 public constant EXPIRED = 7;
    uint8 public constant CANCELLED = 8;

    uint256 public constant BPS = 10_000;
    /// @notice Hard cap on the fee: no proposal can set more than 10%.
    uint256 public constant MAX_FEE_BPS = 1_000;
    /// @notice Share of the bond a provider loses to the requester when its claim expires without a result.
    uint256 public constant EXPIRE_PENALTY_BPS = 5_000;

    /// @dev Packed into four slots (plus the two digests) to keep a job's gas low.
    struct Job {
        address requester;
        uint8 kind;
        uint8 state;
        uint16 feeBps;
        uint40 claimDeadline;
        address provider;
        uint32 reviewWindow;
        uint32 resolveWindow;
        uint96 price;
        uint96 bond; // locked from the claimant's stake; a disputing requester puts up the same amount
        uint40 deadline; // exec deadline while claimed, review deadline while submitted, resolve deadline while disputed
        uint24 execWindow;
        bytes32 spec;
        bytes32 result;
    }

    struct Provider {
        uint128 stake; // free stake
        uint128 locked; // bonds of claimed jobs
        uint128 unstaking;
        uint40 unstakeReadyAt;
        bool registered;
        bytes32 attestation;
        string endpoint;
    }

    IERC20 public immutable token;
    /// @notice Owner of every parameter and the treasury that receives fees and slashes.
    address public immutable timelock;

    uint256 public feeBps;
    uint256 public minStake;
    uint256 public claimBond;
    uint256 public reviewWindow;
    uint256 public resolveWindow;
    uint256 public unstakeCooldown;
    uint256 public jobCount;

    mapping(uint256 => Job) private _jobs;
    mapping(address => Provider) private _providers;
    mapping(address => uint256) private _credits;

    event ProviderRegistered(address indexed provider, uint256 stake, string endpoint, bytes32 attestation);
    event StakeAdded(address indexed provider, uint256 amount);
    event UnstakeRequested(address indexed provider, uint256 amount, uint256 readyAt);
    event Unstaked(address indexed provider, uint256 amount);
    event JobPosted(
        uint256 indexed jobId, address indexed requester, uint8 kind, bytes32 spec, string specUrl,
        uint256 price, uint64 claimWindow, uint64 execWindow, uint256 bond, uint256 feeBps
    );
    event JobClaimed(uint256 indexed jobId, address indexed provider, uint256 execDeadline);
    event ResultSubmitted(uint256 indexed jobId, address indexed provider, bytes32 result, string resultUrl);
    event JobAccepted(uint256 indexed jobId, uint256 paid, uint256 fee);
    event JobFinalized(uint256 indexed jobId, address indexed caller, uint256 paid, uint256 fee);
    event JobDisputed(uint256 indexed jobId, bytes32 evidence, uint256 requesterBond);
    event JobExpired(uint256 indexed jobId, address indexed provider, uint256 penalty, bool reopened);
    event JobCancelled(uint256 indexed jobId);
    event DisputeResolved(uint256 indexed jobId, bool providerWins, uint256 slash, bytes32 evidence);
    event Withdrawn(address indexed account, uint256 amount);
    event ParameterSet(bytes32 indexed name, uint256 value);

    error NotTimelock();
    error NotRequester();
    error NotClaimant();
    error WrongState(uint8 state);
    error WindowClosed();
    error WindowOpen();
    error BadWindow();
    error BadAmount();
    error NotRegistered();
    error InsufficientStake();
    error OwnJob();
    error NothingToWithdraw();
    error FeeTooHigh();

    modifier onlyTimelock() {
        if (msg.sender != timelock) revert NotTimelock();
        _;
    }

    constructor(
        IERC20 token_, address timelock_, uint256 feeBps_, uint256 minStake_, uint256 claimBond_,
        uint256 reviewWindow_, uint256 resolveWindow_, uint256 unstakeCooldown_
    ) {
        token = token_;
        timelock = timelock_;
        _setFee(feeBps_);
        minStake = minStake_;
        claimBond = _u96(claimBond_);
        reviewWindow = _u32(reviewWindow_);
        resolveWindow = _u32(resolveWindow_);
        unstakeCooldown = unstakeCooldown_;
    }

    // ---- providers ----

    /// @notice Registers the caller (or updates its endpoint and attestation) and adds `stake` to its stake.
    function registerProvider(uint256 stake, string calldata endpoint, bytes32 attestation) external nonReentrant {
        Provider storage p = _providers[msg.sender];
        if (!p.registered) {
            if (stake < minStake) revert InsufficientStake();
            p.registered = true;
        }
        p.endpoint = endpoint;
        p.attestation = attestation;
        _addStake(p, stake);
        emit ProviderRegistered(msg.sender, stake, endpoint, attestation);
    }

    function addStake(uint256 amount) external nonReentrant {
        Provider storage p = _providers[msg.sender];
        if (!p.registered) revert NotRegistered();
        if (amount == 0) revert BadAmount();
        _addStake(p, amount);
        emit StakeAdded(msg.sender, amount);
    }

    /// @notice Moves `amount` of free stake into the cooldown; a new request restarts the cooldown.
    function requestUnstake(uint256 amount) external {
        Provider storage p = _providers[msg.sender];
        if (amount == 0 || amount > p.stake) revert BadAmount();
        p.stake -= uint128(amount);
        p.unstaking += uint128(amount);
        uint256 readyAt = block.timestamp + unstakeCooldown;
        p.unstakeReadyAt = uint40(readyAt);
        emit UnstakeRequested(msg.sender, amount, readyAt);
    }

    /// @notice After the cooldown, credits the unstaking amount to the caller (then withdraw()).
    function completeUnstake() external {
        Provider storage p = _providers[msg.sender];
        uint256 amount = p.unstaking;
        if (amount == 0) revert BadAmount();
        if (block.timestamp < p.unstakeReadyAt) revert WindowOpen();
        p.unstaking = 0;
        _credit(msg.sender, amount);
        emit Unstaked(msg.sender, amount);
    }

    // ---- jobs ----

    function postJob(uint8 kind, bytes32 spec, string calldata specUrl, uint256 price, uint64 claimWindow, uint64 execWindow)
        external nonReentrant returns (uint256 jobId)
    {
        if (price == 0 || price > type(uint96).max) revert BadAmount();
        if (claimWindow == 0 || claimWindow > 365 days || execWindow == 0 || execWindow > type(uint24).max) revert BadWindow();
        jobId = ++jobCount;
        Job storage j = _jobs[jobId];
        j.requester = msg.sender;
        j.kind = kind;
        j.state = OPEN;
        j.feeBps = uint16(feeBps);
        j.claimDeadline = uint40(block.timestamp + claimWindow);
        j.reviewWindow = uint32(reviewWindow);
        j.resolveWindow = uint32(resolveWindow);
        j.price = uint96(price);
        j.bond = uint96(claimBond);
        j.execWindow = uint24(execWindow);
        j.spec = spec;
        token.safeTransferFrom(msg.sender, address(this), price);
        emit JobPosted(jobId, msg.sender, kind, spec, specUrl, price, claimWindow, execWindow, claimBond, feeBps);
    }

    /// @notice A registered provider claims an open job, locking the job's bond from its free stake.
    function claim(uint256 jobId) external {
        Job storage j = _jobs[jobId];
        if (j.state != OPEN) revert WrongState(j.state);
        if (block.timestamp > j.claimDeadline) revert WindowClosed();
        if (msg.sender == j.requester) revert OwnJob();
        Provider storage p = _providers[msg.sender];
        if (!p.registered) revert NotRegistered();
        uint128 bond = j.bond;
        if (p.stake < bond || uint256(p.stake) + p.locked < minStake) revert InsufficientStake();
        p.stake -= bond;
        p.locked += bond;
        uint256 execDeadline = block.timestamp + j.execWindow;
        j.state = CLAIMED;
        j.provider = msg.sender;
        j.deadline = uint40(execDeadline);
        emit JobClaimed(jobId, msg.sender, execDeadline);
    }

    function submit(uint256 jobId, bytes32 result, string calldata resultUrl) external {
        Job storage j = _jobs[jobId];
        if (j.state != CLAIMED) revert WrongState(j.state);
        if (msg.sender != j.provider) revert NotClaimant();
        if (block.timestamp > j.deadline) revert WindowClosed();
        j.state = SUBMITTED;
        j.deadline = uint40(block.timestamp + j.reviewWindow);
        j.result = result;
        emit ResultSubmitted(jobId, msg.sender, result, resultUrl);
    }

    function accept(uint256 jobId) external {
        Job storage j = _jobs[jobId];
        if (j.state != SUBMITTED) revert WrongState(j.state);
        if (msg.sender != j.requester) revert NotRequester();
        (uint256 paid, uint256 fee) = _payProvider(j);
        emit JobAccepted(jobId, paid, fee);
    }

    /// @notice The requester disputes a submitted result within the review window, putting up the job's bond.
    function dispute(uint256 jobId, bytes32 evidence) external nonReentrant {
        Job storage j = _jobs[jobId];
        if (j.state != SUBMITTED) revert WrongState(j.state);
        if (msg.sender != j.requester) revert NotRequester();
        if (block.timestamp > j.deadline) revert WindowClosed();
        j.state = DISPUTED;
        j.deadline = uint40(block.timestamp + j.resolveWindow);
        uint256 bond = j.bond;
        if (bond > 0) token.safeTransferFrom(msg.sender, address(this), bond);
        emit JobDisputed(jobId, evidence, bond);
    }

    /// @notice Anyone, after the review window of a submitted job: settles it as if accepted.
    function finalize(uint256 jobId) external {
        Job storage j = _jobs[jobId];
        if (j.state != SUBMITTED) revert WrongState(j.state);
        if (block.timestamp <= j.deadline) revert WindowOpen();
        (uint256 paid, uint256 fee) = _payProvider(j);
        emit JobFinalized(jobId, msg.sender, paid, fee);
    }

    /// @notice Anyone, after a window passed with nobody acting:
    ///         open past its claim window -> expired, escrow back to the requester;
    ///         claimed past its exec window -> the claimant loses EXPIRE_PENALTY_BPS of its bond to the
    ///         requester and the job reopens while its claim window lasts (else expires with a refund);
    ///         disputed past its resolve window (the DAO did not act) -> expired, everyone refunded.
    function expire(uint256 jobId) external {
        Job storage j = _jobs[jobId];
        uint8 state = j.state;
        if (state == OPEN) {
            if (block.timestamp <= j.claimDeadline) revert WindowOpen();
            j.state = EXPIRED;
            _credit(j.requester, j.price);
            emit JobExpired(jobId, address(0), 0, false);
        } else if (state == CLAIMED) {
            if (block.timestamp <= j.deadline) revert WindowOpen();
            address claimant = j.provider;
            uint256 bond = j.bond;
            uint256 penalty = bond * EXPIRE_PENALTY_BPS / BPS;
            Provider storage p = _providers[claimant];
            p.locked -= uint128(bond);
            p.stake += uint128(bond - penalty);
            _credit(j.requester, penalty);
            bool reopened = block.timestamp <= j.claimDeadline;
            j.provider = address(0);
            j.deadline = 0;
            if (reopened) {
                j.state = OPEN;
            } else {
                j.state = EXPIRED;
                _credit(j.requester, j.price);
            }
            emit JobExpired(jobId, claimant, penalty, reopened);
        } else if (state == DISPUTED) {
            if (block.timestamp <= j.deadline) revert WindowOpen();
            j.state = EXPIRED;
            _unlock(j.provider, j.bond);
            _credit(j.requester, uint256(j.price) + j.bond);
            emit JobExpired(jobId, j.provider, 0, false);
        } else {
            revert WrongState(state);
        }
    }

    function cancel(uint256 jobId) external {
        Job storage j = _jobs[jobId];
        if (j.state != OPEN) revert WrongState(j.state);
        if (msg.sender != j.requester) revert NotRequester();
        j.state = CANCELLED;
        _credit(msg.sender, j.price);
        emit JobCancelled(jobId);
    }

    /// @notice The DAO's verdict on a disputed job. Provider wins: it is paid (fee to the treasury) and
    ///         receives the requester's dispute bond; no slash. Requester wins: price and dispute bond back,
    ///         `slash` (at most the job's bond) of the provider's bond to the treasury, the rest unlocked.
    function resolve(uint256 jobId, bool providerWins, uint256 slash, bytes32 evidence) external onlyTimelock {
        Job storage j = _jobs[jobId];
        if (j.state != DISPUTED) revert WrongState(j.state);
        uint256 bond = j.bond;
        if (slash > bond || (providerWins && slash != 0)) revert BadAmount();
        if (providerWins) {
            _payProvider(j);
            _credit(j.provider, bond);
        } else {
            Provider storage p = _providers[j.provider];
            p.locked -= uint128(bond);
            p.stake += uint128(bond - slash);
            _credit(timelock, slash);
            _credit(j.requester, uint256(j.price) + bond);
        }
        j.state = RESOLVED;
        emit DisputeResolved(jobId, providerWins, slash, evidence);
    }

    /// @notice Pays the caller all its credits.
    function withdraw() external nonReentrant {
        uint256 amount = _credits[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        _credits[msg.sender] = 0;
        token.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
    }

    // ---- parameters (timelock only; copied into each job at post, so existing jobs never change) ----

    function setFeeBps(uint256 value) external onlyTimelock { _setFee(value); }
    function setMinStake(uint256 value) external onlyTimelock { minStake = value; emit ParameterSet("minStake", value); }
    function setClaimBond(uint256 value) external onlyTimelock { claimBond = _u96(value); emit ParameterSet("claimBond", value); }
    function setReviewWindow(uint256 value) external onlyTimelock { reviewWindow = _u32(value); emit ParameterSet("reviewWindow", value); }
    function setResolveWindow(uint256 value) external onlyTimelock { resolveWindow = _u32(value); emit ParameterSet("resolveWindow", value); }
    function setUnstakeCooldown(uint256 value) external onlyTimelock { unstakeCooldown = _u32(value); emit ParameterSet("unstakeCooldown", value); }

    // ---- views ----

    function job(uint256 jobId) external view returns (Job memory) { return _jobs[jobId]; }
    function jobState(uint256 jobId) external view returns (uint8) { return _jobs[jobId].state; }
    function provider(address account) external view returns (Provider memory) { return _providers[account]; }
    function credits(address account) external view returns (uint256) { return _credits[account]; }

    // ---- internals ----

    /// @dev Settles a submitted or disputed job in the provider's favour: bond unlocked, price - fee credited
    ///      to the provider, the fee (recorded at post) to the treasury.
    function _payProvider(Job storage j) private returns (uint256 paid, uint256 fee) {
        j.state = SETTLED;
        uint256 price = j.price;
        fee = price * j.feeBps / BPS;
        paid = price - fee;
        _unlock(j.provider, j.bond);
        _credit(j.provider, paid);
        if (fee > 0) _credit(timelock, fee);
    }

    function _unlock(address account, uint256 bond) private {
        Provider storage p = _providers[account];
        p.locked -= uint128(bond);
        p.stake += uint128(bond);
    }

    function _credit(address account, uint256 amount) private {
        if (amount == 0) return;
        _credits[account] += amount;
    }

    function _addStake(Provider storage p, uint256 amount) private {
        if (amount == 0) return;
        if (amount > type(uint96).max) revert BadAmount();
        p.stake += uint128(amount);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    function _setFee(uint256 value) private {
        if (value > MAX_FEE_BPS) revert FeeTooHigh();
        feeBps = value;
        emit ParameterSet("feeBps", value);
    }

    function _u96(uint256 value) private pure returns (uint256) {
        if (value > type(uint96).max) revert BadAmount();
        return value;
    }

    function _u32(uint256 value) private pure returns (uint256) {
        if (value > type(uint32).max) revert BadWindow();
        return value;
    }
}
