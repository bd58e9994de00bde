-- The token registry (org.hearth.tokens): ERC-20 tokens Hearth knows on a chain, with their metadata
-- as read on chain (name and symbol already cleaned of control characters and capped). Addresses
-- lower-case. source: DEMO (the demo world's), USER (added by address), DISCOVERED (from the
-- account's Transfer logs), LISTED (from an imported token list). hidden: 1 when the user hid it (never counted, can be undone).
CREATE TABLE token (
    chain_id   INTEGER NOT NULL,
    address    TEXT NOT NULL,
    name       TEXT NOT NULL,
    symbol     TEXT NOT NULL,
    decimals   INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 255),
    source     TEXT NOT NULL,
    hidden     INTEGER NOT NULL DEFAULT 0,
    -- why a spam rule hid it (a problems.properties key, e.g. tokens.spam.url); NULL once the user unhides it
    spam_reason TEXT,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (chain_id, address)
);
