-- NFT metadata and media fetched from outside, by URI: the bytes live in the data dir's nft-cache
-- folder under their SHA-256 (checked on every read); this table maps each URI to that hash.
CREATE TABLE nft_cache (
    uri        TEXT    NOT NULL PRIMARY KEY,
    sha256     TEXT    NOT NULL,
    media_type TEXT    NOT NULL,
    fetched_at INTEGER NOT NULL
);
