-- The demo world is deployed once per chain; a chain is identified by chain id + genesis hash,
-- so a reset local chain (new genesis) is noticed and gets a fresh deployment.
CREATE TABLE demo_contract (
    chain_id     INTEGER NOT NULL,
    genesis_hash TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    address      TEXT    NOT NULL,
    deployed_at  TEXT    NOT NULL,
    PRIMARY KEY (chain_id, genesis_hash, name)
);

CREATE TABLE demo_funding (
    chain_id     INTEGER NOT NULL,
    genesis_hash TEXT    NOT NULL,
    address      TEXT    NOT NULL,
    funded_at    TEXT    NOT NULL,
    PRIMARY KEY (chain_id, genesis_hash, address)
);
