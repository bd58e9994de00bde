-- Contracts the user named on a chain (the demo world's stay in demo_contract). Addresses lower-case;
-- artifact: the ABI Hearth ships for it (org/hearth/contracts/<artifact>.json), when known.
CREATE TABLE known_contract (
    chain_id   INTEGER NOT NULL,
    address    TEXT NOT NULL,
    name       TEXT NOT NULL,
    artifact   TEXT,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (chain_id, address)
);

CREATE UNIQUE INDEX known_contract_name ON known_contract (chain_id, name COLLATE NOCASE);
