-- ERC-20 Approval and ERC-721/1155 ApprovalForAll logs granted by watched accounts (the
-- token-approvals log subscriber). What an approval is worth now is read on chain (allowance,
-- isApprovedForAll): these rows only say which (token, spender) pairs to ask about.
-- kind: 'erc20' (value: the approved amount, uint256 in decimal text) or 'operator' (value: '1' or '0').
CREATE TABLE token_approval (
    chain_id     INTEGER NOT NULL,
    token        TEXT    NOT NULL,
    block_number INTEGER NOT NULL,
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    owner        TEXT    NOT NULL,
    spender      TEXT    NOT NULL,
    value        TEXT    NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX token_approval_by_owner ON token_approval (chain_id, owner, block_number);
