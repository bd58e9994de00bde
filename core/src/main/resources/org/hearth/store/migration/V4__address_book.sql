-- People and contracts the user sends to, by label. Addresses stored lower-case, shown checksummed.
CREATE TABLE address_book (
    address    TEXT PRIMARY KEY NOT NULL,
    label      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
