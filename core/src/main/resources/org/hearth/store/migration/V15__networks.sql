-- Networks the user can switch between. The embedded local chain is always there (is_local = 1, no
-- URLs: it follows the local node's port); others carry their RPC URLs in order of preference.
-- rpc_urls is a JSON array of strings; explorer is a URL template with {tx} or {address}, or NULL.
CREATE TABLE network (
    name       TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
    chain_id   INTEGER NOT NULL,
    rpc_urls   TEXT    NOT NULL,
    currency   TEXT    NOT NULL,
    explorer   TEXT,
    is_local   INTEGER NOT NULL DEFAULT 0,
    added_at   TEXT    NOT NULL
);

INSERT INTO network(name, chain_id, rpc_urls, currency, explorer, is_local, added_at)
VALUES ('Local chain', 31337, '[]', 'ETH', NULL, 1, '1970-01-01T00:00:00Z');
