-- Transactions that watched addresses sent, as the chain shows them: so sends made with the same key
-- in another wallet (or by a dev tool) appear in the history and the balance adds up. Sends made
-- through this app's pipeline are in tx and are shown from there.
-- value_wei and fee_wei are decimal strings of wei (exact integers); recipient is NULL for a contract creation.
CREATE TABLE outgoing_tx (
    chain_id     INTEGER NOT NULL,
    tx_hash      TEXT    NOT NULL,
    block_number INTEGER NOT NULL,
    sender       TEXT    NOT NULL,
    recipient    TEXT,
    nonce        INTEGER NOT NULL,
    value_wei    TEXT    NOT NULL,
    fee_wei      TEXT    NOT NULL,
    succeeded    INTEGER NOT NULL,
    PRIMARY KEY (chain_id, tx_hash)
);
CREATE INDEX outgoing_by_sender ON outgoing_tx (chain_id, sender, block_number);
-- the indexer rolls rows back by block on a reorganisation
CREATE INDEX outgoing_by_block ON outgoing_tx (chain_id, block_number);
