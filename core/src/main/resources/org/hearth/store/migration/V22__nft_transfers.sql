-- ERC-721 Transfer and ERC-1155 TransferSingle/TransferBatch logs from or to watched accounts (the
-- nft-transfers log subscriber). A batch log is one row per (id, value) pair: sub_index is its position.
-- Ids and amounts are uint256 in decimal text (exact).
CREATE TABLE nft_transfer (
    chain_id     INTEGER NOT NULL,
    contract     TEXT    NOT NULL,
    block_number INTEGER NOT NULL,
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL,
    sub_index    INTEGER NOT NULL,
    standard     TEXT    NOT NULL,   -- 'erc721' or 'erc1155'
    operator     TEXT,               -- 1155 only
    sender       TEXT    NOT NULL,
    recipient    TEXT    NOT NULL,
    token_id     TEXT    NOT NULL,
    amount       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index, sub_index)
);
CREATE INDEX nft_transfer_by_recipient ON nft_transfer (chain_id, recipient, block_number);
CREATE INDEX nft_transfer_by_sender ON nft_transfer (chain_id, sender, block_number);

-- Tokens or whole collections (token_id '') the user hid.
CREATE TABLE nft_hidden (
    chain_id INTEGER NOT NULL,
    contract TEXT    NOT NULL,
    token_id TEXT    NOT NULL,
    PRIMARY KEY (chain_id, contract, token_id)
);
