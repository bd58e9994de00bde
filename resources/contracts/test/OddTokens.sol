// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @notice Test fixtures for the token registry and balances: minimal ERC-20s that behave the ways
/// real tokens do in the wild. Not for production use.

/// Name, symbol and decimals chosen by the deployer: hostile names, decimals above 255 (uint256 return).
contract PlainToken {
    string public name;
    string public symbol;
    uint256 public decimals;
    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(string memory name_, string memory symbol_, uint256 decimals_, address holder, uint256 amount) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
        balanceOf[holder] = amount;
        emit Transfer(address(0), holder, amount);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        require(balanceOf[msg.sender] >= value, "balance");
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }
}

/// Old-style token (MKR, SAI): name and symbol are bytes32.
contract Bytes32Token {
    bytes32 public name;
    bytes32 public symbol;
    uint8 public constant decimals = 18;
    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(bytes32 name_, bytes32 symbol_, address holder, uint256 amount) {
        name = name_;
        symbol = symbol_;
        balanceOf[holder] = amount;
        emit Transfer(address(0), holder, amount);
    }
}

/// USDT style: 6 decimals, transfer returns nothing.
contract NoBoolToken {
    string public constant name = "Tether-style USD";
    string public constant symbol = "TUSD";
    uint8 public constant decimals = 6;
    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(address holder, uint256 amount) {
        balanceOf[holder] = amount;
        emit Transfer(address(0), holder, amount);
    }

    function transfer(address to, uint256 value) external {
        require(balanceOf[msg.sender] >= value, "balance");
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
    }
}

/// A token whose balanceOf always reverts (a paused or broken token).
contract RevertingBalanceToken {
    string public constant name = "Frozen";
    string public constant symbol = "FRZ";
    uint8 public constant decimals = 18;

    function balanceOf(address) external pure returns (uint256) {
        revert("frozen");
    }
}

/// A token whose transfer moves nothing and answers false (old tokens that do not revert on failure).
contract FalseReturnToken {
    string public constant name = "Says No";
    string public constant symbol = "NOPE";
    uint8 public constant decimals = 18;
    mapping(address => uint256) public balanceOf;

    constructor(address holder, uint256 amount) {
        balanceOf[holder] = amount;
    }

    function transfer(address, uint256) external pure returns (bool) {
        return false;
    }
}
