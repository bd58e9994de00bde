-- Per-subscriber checkpoints. Each indexer subscriber (a block reader or a log subscriber) keeps
-- its own cursor per chain and key (a watched account for log subscribers; '' for block readers),
-- so a new subscriber or a newly watched account backfills from its start block while the others
-- go on from where they are. checkpoint is the last block scanned (start_block - 1 before any).
CREATE TABLE index_cursor (
    subscriber   TEXT    NOT NULL,
    chain_id     INTEGER NOT NULL,
    cursor_key   TEXT    NOT NULL,
    start_block  INTEGER NOT NULL,
    checkpoint   INTEGER NOT NULL,
    PRIMARY KEY (subscriber, chain_id, cursor_key)
);

-- Recent block hashes each cursor saw (its checkpoint's and those of blocks it took rows from),
-- to notice a reorganisation and find the fork point.
CREATE TABLE index_cursor_hash (
    subscriber   TEXT    NOT NULL,
    chain_id     INTEGER NOT NULL,
    cursor_key   TEXT    NOT NULL,
    number       INTEGER NOT NULL,
    hash         TEXT    NOT NULL,
    PRIMARY KEY (subscriber, chain_id, cursor_key, number)
);

-- The block readers' shared progress (V5) becomes each reader's own cursor.
INSERT INTO index_cursor(subscriber, chain_id, cursor_key, start_block, checkpoint)
    SELECT s.id, b.chain_id, '', MIN(b.number), MAX(b.number)
    FROM index_block b, (SELECT 'eth-incoming' AS id UNION ALL SELECT 'eth-internal' UNION ALL SELECT 'eth-outgoing') s
    GROUP BY s.id, b.chain_id;
INSERT INTO index_cursor_hash(subscriber, chain_id, cursor_key, number, hash)
    SELECT s.id, b.chain_id, '', b.number, b.hash
    FROM index_block b, (SELECT 'eth-incoming' AS id UNION ALL SELECT 'eth-internal' UNION ALL SELECT 'eth-outgoing') s;
DROP TABLE index_block;

-- ERC-20 Transfer events to or from watched accounts, from the log indexer. value is a decimal
-- string of the token's smallest unit (an exact integer); addresses are lower case.
CREATE TABLE erc20_transfer (
    chain_id     INTEGER NOT NULL,
    token        TEXT    NOT NULL,
    block_number INTEGER NOT NULL,
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL,
    sender       TEXT    NOT NULL,
    recipient    TEXT    NOT NULL,
    value        TEXT    NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX erc20_by_sender ON erc20_transfer (chain_id, sender, block_number);
CREATE INDEX erc20_by_recipient ON erc20_transfer (chain_id, recipient, block_number);
-- a reorganisation deletes by account and block, which the two indexes above serve: no index by block alone (faster inserts)
