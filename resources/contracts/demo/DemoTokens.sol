// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @notice The demo world's non-standard tokens, so the Tokens screen has the odd cases real chains
/// have on a fresh local chain. Minimal, deliberately quirky ERC-20s: not for production use.

/// Shared balances and allowances; each token below decides what its functions return.
abstract contract DemoLedger {
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint256 public totalSupply;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function _mint(address to, uint256 value) internal {
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }

    function _move(address from, address to, uint256 value) internal virtual {
        require(balanceOf[from] >= value, "balance");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }

    function _spend(address owner, uint256 value) internal {
        uint256 allowed = allowance[owner][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= value, "allowance");
            allowance[owner][msg.sender] = allowed - value;
        }
    }

    function _approve(address spender, uint256 value) internal {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
    }
}

/// USDT style: 6 decimals, no bool returns, and approve refuses to change one non-zero allowance into
/// another (set it to 0 first).
contract DemoUsdt is DemoLedger {
    string public constant name = "Demo Tether USD";
    string public constant symbol = "dUSDT";
    uint8 public constant decimals = 6;

    constructor(address holder, uint256 amount) {
        _mint(holder, amount);
    }

    function transfer(address to, uint256 value) external {
        _move(msg.sender, to, value);
    }

    function transferFrom(address from, address to, uint256 value) external {
        _spend(from, value);
        _move(from, to, value);
    }

    function approve(address spender, uint256 value) external {
        require(value == 0 || allowance[msg.sender][spender] == 0, "approve 0 first");
        _approve(spender, value);
    }
}

/// Old style (MKR, SAI): name and symbol are bytes32.
contract DemoMaker is DemoLedger {
    bytes32 public constant name = "Demo Maker";
    bytes32 public constant symbol = "dMKR";
    uint8 public constant decimals = 18;

    constructor(address holder, uint256 amount) {
        _mint(holder, amount);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        _spend(from, value);
        _move(from, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        _approve(spender, value);
        return true;
    }
}

/// Fee on transfer: 1% of every transfer goes to the fee collector, so the recipient gets less than was
/// sent (what arrived is what its Transfer event says).
contract DemoFeeToken is DemoLedger {
    string public constant name = "Demo Fee Token";
    string public constant symbol = "dFEE";
    uint8 public constant decimals = 18;
    address public immutable feeCollector;

    constructor(address holder, uint256 amount) {
        feeCollector = holder;
        _mint(holder, amount);
    }

    function _move(address from, address to, uint256 value) internal override {
        require(balanceOf[from] >= value, "balance");
        uint256 fee = value / 100;
        balanceOf[from] -= value;
        balanceOf[to] += value - fee;
        emit Transfer(from, to, value - fee);
        if (fee > 0) {
            balanceOf[feeCollector] += fee;
            emit Transfer(from, feeCollector, fee);
        }
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        _spend(from, value);
        _move(from, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        _approve(spender, value);
        return true;
    }
}

/// The phishing airdrop pattern: unasked tokens whose name sends you to a website.
contract DemoTokenAirdrop is DemoLedger {
    string public constant name = "Claim your reward at hearth-bonus.xyz";
    string public constant symbol = "REWARD";
    uint8 public constant decimals = 18;

    /// Anyone can "airdrop" to anyone: that is the point of the pattern.
    function airdrop(address to, uint256 value) external {
        _mint(to, value);
    }
}
