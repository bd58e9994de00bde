-- Ether that contracts sent to watched addresses inside transactions (internal transfers), found
-- in call traces. One row per call frame: trace_position is the frame's depth-first place in the
-- transaction's call tree, so two payments to the same address in one transaction stay apart.
-- sender is the paying contract; value_wei is a decimal string of wei (an exact integer).
CREATE TABLE internal_transfer (
    chain_id       INTEGER NOT NULL,
    tx_hash        TEXT    NOT NULL,
    trace_position INTEGER NOT NULL,
    block_number   INTEGER NOT NULL,
    sender         TEXT    NOT NULL,
    recipient      TEXT    NOT NULL,
    value_wei      TEXT    NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, trace_position)
);
CREATE INDEX internal_by_recipient ON internal_transfer (chain_id, recipient, block_number);
-- the indexer rolls rows back by block on a reorganisation
CREATE INDEX internal_by_block ON internal_transfer (chain_id, block_number);
