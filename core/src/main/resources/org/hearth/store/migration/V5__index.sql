-- The one block indexer: how far each chain is scanned, the recent block hashes used to notice
-- reorganisations, and what subscribers derived from the blocks (incoming value transfers).
CREATE TABLE index_block (
    chain_id     INTEGER NOT NULL,
    number       INTEGER NOT NULL,
    hash         TEXT    NOT NULL,
    PRIMARY KEY (chain_id, number)
);

CREATE TABLE incoming_transfer (
    chain_id     INTEGER NOT NULL,
    tx_hash      TEXT    NOT NULL,
    block_number INTEGER NOT NULL,
    sender       TEXT    NOT NULL,
    recipient    TEXT    NOT NULL,
    value_wei    TEXT    NOT NULL,
    PRIMARY KEY (chain_id, tx_hash)
);
CREATE INDEX incoming_by_recipient ON incoming_transfer (chain_id, recipient, block_number);
