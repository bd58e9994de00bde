-- Tokens or whole collections (token_id '') the user chose to see although a spam rule hides them:
-- unhiding a token spam rules caught writes here, hiding it again removes it.
CREATE TABLE nft_shown (
    chain_id INTEGER NOT NULL,
    contract TEXT    NOT NULL,
    token_id TEXT    NOT NULL,
    PRIMARY KEY (chain_id, contract, token_id)
);
