-- Blocks whose call traces the node could not give (e.g. anvil after a restart cannot trace blocks
-- mined before it): internal transfers in them are unknown, and the history says so.
CREATE TABLE trace_gap (
    chain_id     INTEGER NOT NULL,
    block_number INTEGER NOT NULL,
    PRIMARY KEY (chain_id, block_number)
);
