-- The market jobs this machine's provider agent claimed (or refused), so a restart resumes them or
-- records how they ended: never forgotten. Amounts decimal text; addresses lower case.
CREATE TABLE provider_jobs (
    chain_id       INTEGER NOT NULL,
    market         TEXT    NOT NULL,
    job_id         INTEGER NOT NULL,
    provider       TEXT    NOT NULL,
    kind           INTEGER NOT NULL,
    spec           TEXT    NOT NULL,
    spec_url       TEXT    NOT NULL,
    price          TEXT    NOT NULL,
    exec_deadline  INTEGER NOT NULL, -- unix seconds; 0 before a claim
    stage          TEXT    NOT NULL, -- SEEN, CLAIMED, SUBMITTED, DONE
    result_cid     TEXT,
    outcome        TEXT    NOT NULL, -- PENDING, PAID, DISPUTED, SLASHED, EXPIRED, FAILED, REFUSED
    reason         TEXT    NOT NULL,
    paid           TEXT,
    claimed_at     INTEGER NOT NULL, -- unix milliseconds (when first seen, for refused jobs)
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (chain_id, market, job_id, provider)
);

CREATE INDEX provider_jobs_by_provider ON provider_jobs (chain_id, provider, stage);
