-- ComputeMarket events (every one, job or not) and each job as its events leave it (rebuilt from them,
-- so a reorganisation only has to drop events). Amounts are decimal text (uint256 on chain);
-- addresses lower case; digests 0x hex.
CREATE TABLE market_job_events (
    chain_id     INTEGER NOT NULL,
    market       TEXT    NOT NULL,
    block_number INTEGER NOT NULL,
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL,
    event        TEXT    NOT NULL, -- the event's name, e.g. JobPosted
    job_id       INTEGER,          -- null for provider and parameter events
    account      TEXT,             -- the event's indexed address (requester, provider, caller, account), if any
    fields       TEXT    NOT NULL, -- JSON object: every argument by name, as text
    PRIMARY KEY (chain_id, tx_hash, log_index)
);

CREATE INDEX market_job_events_by_job ON market_job_events (chain_id, market, job_id, block_number, log_index);
CREATE INDEX market_job_events_by_account ON market_job_events (chain_id, market, account);

CREATE TABLE market_jobs (
    chain_id      INTEGER NOT NULL,
    market        TEXT    NOT NULL,
    job_id        INTEGER NOT NULL,
    requester     TEXT,
    kind          INTEGER,
    spec          TEXT,
    spec_url      TEXT,
    price         TEXT,
    claim_window  INTEGER,
    exec_window   INTEGER,
    terms_id      INTEGER,
    state         INTEGER NOT NULL,
    provider      TEXT,             -- the claimant now (null while open)
    exec_deadline INTEGER,
    result        TEXT,
    result_url    TEXT,
    paid          TEXT,
    fee           TEXT,
    evidence      TEXT,
    posted_block  INTEGER,
    updated_block INTEGER NOT NULL,
    PRIMARY KEY (chain_id, market, job_id)
);

CREATE INDEX market_jobs_by_provider ON market_jobs (chain_id, provider);
CREATE INDEX market_jobs_by_requester ON market_jobs (chain_id, requester);
CREATE INDEX market_jobs_by_state ON market_jobs (chain_id, state);
