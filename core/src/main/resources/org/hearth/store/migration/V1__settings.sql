-- Plain key/value settings: theme, window geometry, last screen. Never secrets.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
