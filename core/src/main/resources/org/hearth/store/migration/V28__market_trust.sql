-- The requester's trust in each compute provider (BOINC-style adaptive spot checks): how many results in a
-- row passed verification, and the totals. One bad result sets the streak back to zero.
CREATE TABLE market_provider_trust (
    chain_id       INTEGER NOT NULL,
    provider       TEXT    NOT NULL, -- EIP-55 address
    valid_streak   INTEGER NOT NULL DEFAULT 0,
    verified       INTEGER NOT NULL DEFAULT 0, -- results checked and found right
    failed         INTEGER NOT NULL DEFAULT 0, -- results checked and found wrong
    unchecked      INTEGER NOT NULL DEFAULT 0, -- results accepted on trust (not sampled)
    last_failed_job TEXT,                      -- decimal job id of the last wrong result
    updated_at     TEXT    NOT NULL,
    PRIMARY KEY (chain_id, provider)
);
