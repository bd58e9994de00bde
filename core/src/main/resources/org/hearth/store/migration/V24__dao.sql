-- Governance proposals and votes from governors' logs (ProposalCreated, VoteCast, VoteCastWithParams).
-- Ids, amounts and timepoints are decimal text: they are uint256 on chain.
CREATE TABLE dao_proposal (
    chain_id     INTEGER NOT NULL,
    governor     TEXT    NOT NULL,
    proposal_id  TEXT    NOT NULL,
    proposer     TEXT    NOT NULL,
    targets      TEXT    NOT NULL, -- JSON array of addresses
    amounts      TEXT    NOT NULL, -- JSON array of decimal wei strings
    calldatas    TEXT    NOT NULL, -- JSON array of 0x hex
    description  TEXT    NOT NULL,
    vote_start   TEXT    NOT NULL,
    vote_end     TEXT    NOT NULL,
    block_number INTEGER NOT NULL,
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL,
    PRIMARY KEY (chain_id, governor, proposal_id)
);

CREATE TABLE dao_vote (
    chain_id     INTEGER NOT NULL,
    governor     TEXT    NOT NULL,
    proposal_id  TEXT    NOT NULL,
    voter        TEXT    NOT NULL,
    support      INTEGER NOT NULL,
    weight       TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    params       TEXT,
    block_number INTEGER NOT NULL,
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);

CREATE INDEX dao_vote_by_proposal ON dao_vote (chain_id, governor, proposal_id);
