-- Transactions this app signed and sent, so nonces survive restarts and history shows own sends.
-- Amounts are decimal strings of wei (exact integers). The signed raw transaction is public data.
CREATE TABLE tx (
    hash                TEXT PRIMARY KEY NOT NULL,
    chain_id            INTEGER NOT NULL,
    sender              TEXT    NOT NULL,
    nonce               INTEGER NOT NULL,
    recipient           TEXT,
    value_wei           TEXT    NOT NULL,
    data                TEXT    NOT NULL,
    gas_limit           TEXT    NOT NULL,
    max_fee_wei         TEXT    NOT NULL,
    max_priority_fee_wei TEXT   NOT NULL,
    kind                TEXT    NOT NULL,
    replaces            TEXT,
    status              TEXT    NOT NULL,
    block_number        INTEGER,
    gas_used            TEXT,
    effective_gas_price TEXT,
    raw                 TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX tx_by_sender ON tx (chain_id, sender, nonce);
