// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @notice Test and benchmark fixture for the log indexer: emits ERC-20 Transfer events in
/// batches without keeping balances, so one transaction makes hundreds of events cheaply.
/// Event i of a call carries value firstValue + i, so a test can tell every event apart.
contract TransferEmitter {
    event Transfer(address indexed from, address indexed to, uint256 value);

    function emitTransfers(address from, address to, uint256 count, uint256 firstValue) external {
        for (uint256 i = 0; i < count; i++) {
            emit Transfer(from, to, firstValue + i);
        }
    }
}
