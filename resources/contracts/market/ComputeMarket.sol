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
///         is a credit the owner pulls with withdraw(). Parameters belong to the timelock; each change makes a
///         new set of terms and a job keeps the terms in force when it was posted.
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

    /// @dev Two storage slots per job: the spec, result and evidence digests live in the events (JobPosted,
    ///      ResultSubmitted, JobDisputed, DisputeResolved), which keeps a whole job under 250k gas (bench/market-gas.sh).
    struct Job {
        address requester;
        uint8 kind;
        uint8 state;
        uint40 claimDeadline;
        uint32 termsId; // the parameters in force when the job was posted
        uint96 price;
        uint40 deadline; // exec deadline while claimed, review deadline while submitted, resolve deadline while disputed
        uint24 execWindow;
        uint32 providerId; // 0 until claimed
    }

    /// @dev The parameters a job is bound to; each change by the timelock appends a new set.
    struct Terms {
        uint16 feeBps;
        uint96 bond; // locked from the claimant's stake; a disputing requester puts up the same amount
        uint24 reviewWindow;
        uint24 resolveWindow;
        uint96 minStake;
    }

    struct Provider {
        uint96 stake; // free stake
        uint96 locked; // bonds of claimed jobs
        uint32 id; // 0: not registered
        uint96 unstaking;
        uint40 unstakeReadyAt;
        bytes32 attestation;
        string endpoint;
    }

    IERC20 public immutable token;
    /// @notice Owner of every parameter and the treasury that receives fees and slashes.
    address public immutable timelock;

    uint64 public jobCount;
    uint32 public termsCount;
    uint32 public providerCount;
    uint256 public unstakeCooldown;

    mapping(uint256 => Job) private _jobs;
    mapping(uint256 => Terms) private _terms;
    mapping(address => Provider) private _providers;
    mapping(uint256 => address) private _providerById;
    mapping(address => uint256) private _credits;

    event ProviderRegistered(address indexed provider, uint256 id, uint256 stake, string endpoint, bytes32 attestation);
    event StakeAdded(address indexed provider, uint256 amount);
    event UnstakeRequested(address indexed provider, uint256 amount, uint256 readyAt);
    event Unstaked(address indexed provider, uint256 amount);
    event JobPosted(
        uint256 indexed jobId, address indexed requester, uint8 kind, bytes32 spec, string specUrl,
        uint256 price, uint64 claimWindow, uint64 execWindow, uint256 termsId
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
    event TermsSet(uint256 indexed termsId, uint256 feeBps, uint256 bond, uint256 reviewWindow, uint256 resolveWindow, uint256 minStake);
    event UnstakeCooldownSet(uint256 cooldown);

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
        unstakeCooldown = _u32(unstakeCooldown_);
        _newTerms(Terms(uint16(_fee(feeBps_)), uint96(_u96(claimBond_)), uint24(_u24(reviewWindow_)),
            uint24(_u24(resolveWindow_)), uint96(_u96(minStake_))));
    }

    // ---- providers ----

    /// @notice Registers the caller (or updates its endpoint and attestation) and adds `stake` to its stake.
    function registerProvider(uint256 stake, string calldata endpoint, bytes32 attestation) external nonReentrant {
        Provider storage p = _providers[msg.sender];
        uint32 id = p.id;
        if (id == 0) {
            if (stake < minStake()) revert InsufficientStake();
            id = ++providerCount;
            p.id = id;
            _providerById[id] = msg.sender;
        }
        p.endpoint = endpoint;
        p.attestation = attestation;
        _addStake(p, stake);
        emit ProviderRegistered(msg.sender, id, stake, endpoint, attestation);
    }

    function addStake(uint256 amount) external nonReentrant {
        Provider storage p = _providers[msg.sender];
        if (p.id == 0) revert NotRegistered();
        if (amount == 0) revert BadAmount();
        _addStake(p, amount);
        emit StakeAdded(msg.sender, amount);
    }

    /// @notice Moves `amount` of free stake into the cooldown; a new request restarts the cooldown.
    function requestUnstake(uint256 amount) external {
        Provider storage p = _providers[msg.sender];
        if (amount == 0 || amount > p.stake) revert BadAmount();
        p.stake -= uint96(amount);
        p.unstaking += uint96(amount);
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
        uint32 termsId = termsCount;
        _jobs[jobId] = Job({
            requester: msg.sender, kind: kind, state: OPEN, claimDeadline: uint40(block.timestamp + claimWindow),
            termsId: termsId, price: uint96(price), deadline: 0, execWindow: uint24(execWindow), providerId: 0
        });
        token.safeTransferFrom(msg.sender, address(this), price);
        emit JobPosted(jobId, msg.sender, kind, spec, specUrl, price, claimWindow, execWindow, termsId);
    }

    /// @notice A registered provider claims an open job, locking the job's bond from its free stake.
    function claim(uint256 jobId) external {
        Job storage j = _jobs[jobId];
        if (j.state != OPEN) revert WrongState(j.state);
        if (block.timestamp > j.claimDeadline) revert WindowClosed();
        if (msg.sender == j.requester) revert OwnJob();
        Provider storage p = _providers[msg.sender];
        uint32 id = p.id;
        if (id == 0) revert NotRegistered();
        Terms storage t = _terms[j.termsId];
        uint96 bond = t.bond;
        if (p.stake < bond || uint256(p.stake) + p.locked < t.minStake) revert InsufficientStake();
        p.stake -= bond;
        p.locked += bond;
        uint256 execDeadline = block.timestamp + j.execWindow;
        j.state = CLAIMED;
        j.providerId = id;
        j.deadline = uint40(execDeadline);
        emit JobClaimed(jobId, msg.sender, execDeadline);
    }

    function submit(uint256 jobId, bytes32 result, string calldata resultUrl) external {
        Job storage j = _jobs[jobId];
        if (j.state != CLAIMED) revert WrongState(j.state);
        if (_providers[msg.sender].id != j.providerId) revert NotClaimant();
        if (block.timestamp > j.deadline) revert WindowClosed();
        j.state = SUBMITTED;
        j.deadline = uint40(block.timestamp + _terms[j.termsId].reviewWindow);
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
        Terms storage t = _terms[j.termsId];
        j.state = DISPUTED;
        j.deadline = uint40(block.timestamp + t.resolveWindow);
        uint256 bond = t.bond;
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
            address claimant = _providerById[j.providerId];
            uint256 bond = _terms[j.termsId].bond;
            uint256 penalty = bond * EXPIRE_PENALTY_BPS / BPS;
            Provider storage p = _providers[claimant];
            p.locked -= uint96(bond);
            p.stake += uint96(bond - penalty);
            _credit(j.requester, penalty);
            bool reopened = block.timestamp <= j.claimDeadline;
            j.providerId = 0;
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
            address claimant = _providerById[j.providerId];
            uint256 bond = _terms[j.termsId].bond;
            j.state = EXPIRED;
            _unlock(claimant, bond);
            _credit(j.requester, uint256(j.price) + bond);
            emit JobExpired(jobId, claimant, 0, false);
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
    ///         The verdict's evidence digest is recorded in DisputeResolved.
    function resolve(uint256 jobId, bool providerWins, uint256 slash, bytes32 evidence) external onlyTimelock {
        Job storage j = _jobs[jobId];
        if (j.state != DISPUTED) revert WrongState(j.state);
        uint256 bond = _terms[j.termsId].bond;
        if (slash > bond || (providerWins && slash != 0)) revert BadAmount();
        address claimant = _providerById[j.providerId];
        if (providerWins) {
            _payProvider(j);
            _credit(claimant, bond);
        } else {
            Provider storage p = _providers[claimant];
            p.locked -= uint96(bond);
            p.stake += uint96(bond - slash);
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

    // ---- parameters (timelock only; a job keeps the terms in force when it was posted) ----

    function setFeeBps(uint256 value) external onlyTimelock {
        Terms memory t = _terms[termsCount];
        t.feeBps = uint16(_fee(value));
        _newTerms(t);
    }

    function setClaimBond(uint256 value) external onlyTimelock {
        Terms memory t = _terms[termsCount];
        t.bond = uint96(_u96(value));
        _newTerms(t);
    }

    function setReviewWindow(uint256 value) external onlyTimelock {
        Terms memory t = _terms[termsCount];
        t.reviewWindow = uint24(_u24(value));
        _newTerms(t);
    }

    function setResolveWindow(uint256 value) external onlyTimelock {
        Terms memory t = _terms[termsCount];
        t.resolveWindow = uint24(_u24(value));
        _newTerms(t);
    }

    function setMinStake(uint256 value) external onlyTimelock {
        Terms memory t = _terms[termsCount];
        t.minStake = uint96(_u96(value));
        _newTerms(t);
    }

    function setUnstakeCooldown(uint256 value) external onlyTimelock {
        unstakeCooldown = _u32(value);
        emit UnstakeCooldownSet(value);
    }

    // ---- views ----

    function feeBps() public view returns (uint256) { return _terms[termsCount].feeBps; }
    function minStake() public view returns (uint256) { return _terms[termsCount].minStake; }
    function claimBond() external view returns (uint256) { return _terms[termsCount].bond; }
    function reviewWindow() external view returns (uint256) { return _terms[termsCount].reviewWindow; }
    function resolveWindow() external view returns (uint256) { return _terms[termsCount].resolveWindow; }
    function terms(uint256 termsId) external view returns (Terms memory) { return _terms[termsId]; }
    function job(uint256 jobId) external view returns (Job memory) { return _jobs[jobId]; }
    function jobState(uint256 jobId) external view returns (uint8) { return _jobs[jobId].state; }
    /// @notice The claimant of a job (zero while open).
    function jobProvider(uint256 jobId) external view returns (address) { return _providerById[_jobs[jobId].providerId]; }
    function provider(address account) external view returns (Provider memory) { return _providers[account]; }
    function providerById(uint256 id) external view returns (address) { return _providerById[id]; }
    function credits(address account) external view returns (uint256) { return _credits[account]; }

    // ---- internals ----

    /// @dev Settles a submitted or disputed job in the provider's favour: bond unlocked, price - fee credited
    ///      to the provider, the fee (from the job's terms) to the treasury.
    function _payProvider(Job storage j) private returns (uint256 paid, uint256 fee) {
        j.state = SETTLED;
        Terms storage t = _terms[j.termsId];
        uint256 price = j.price;
        fee = price * t.feeBps / BPS;
        paid = price - fee;
        address claimant = _providerById[j.providerId];
        _unlock(claimant, t.bond);
        _credit(claimant, paid);
        if (fee > 0) _credit(timelock, fee);
    }

    function _unlock(address account, uint256 bond) private {
        Provider storage p = _providers[account];
        p.locked -= uint96(bond);
        p.stake += uint96(bond);
    }

    function _credit(address account, uint256 amount) private {
        if (amount == 0) return;
        _credits[account] += amount;
    }

    function _addStake(Provider storage p, uint256 amount) private {
        if (amount == 0) return;
        // Bounds everything this stake can become (free, locked, unstaking), so no later step overflows.
        if (uint256(p.stake) + p.locked + p.unstaking + amount > type(uint96).max) revert BadAmount();
        p.stake += uint96(amount);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    function _newTerms(Terms memory t) private {
        uint32 id = ++termsCount;
        _terms[id] = t;
        emit TermsSet(id, t.feeBps, t.bond, t.reviewWindow, t.resolveWindow, t.minStake);
    }

    function _fee(uint256 value) private pure returns (uint256) {
        if (value > MAX_FEE_BPS) revert FeeTooHigh();
        return value;
    }

    function _u96(uint256 value) private pure returns (uint256) {
        if (value > type(uint96).max) revert BadAmount();
        return value;
    }

    function _u24(uint256 value) private pure returns (uint256) {
        if (value > type(uint24).max) revert BadWindow();
        return value;
    }

    function _u32(uint256 value) private pure returns (uint256) {
        if (value > type(uint32).max) revert BadWindow();
        return value;
    }
}
