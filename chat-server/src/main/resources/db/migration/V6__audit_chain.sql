-- The audit hash chain (docs/audit.md): one link per chat event, written by the node that stores the event, in
-- the same transaction (io.parley.server.audit.ChainingEventStorageEngine). hash = SHA-256 (hex) of prev_hash
-- followed by the RFC 8785 form of the audit event; prev_hash of sequence 0 is 64 zeros. Links are never updated.
-- Events stored before this table existed are linked by the Java migration V6_1 (io.parley.server.audit).
CREATE TABLE audit_chain (
    chat_id         VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    global_position BIGINT       NOT NULL,
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL,
    CONSTRAINT audit_chain_pk PRIMARY KEY (chat_id, sequence_number)
);
