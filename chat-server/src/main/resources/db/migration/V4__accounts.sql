-- Accounts (users, agents, admins, auditors) and the token bookkeeping of chat-server's security.
-- One script for PostgreSQL and H2 in PostgreSQL mode: portable types only.

-- Emails are stored lowercased (the CHECK keeps it so), which makes the unique key case-insensitive.
-- Passwords exist only as bcrypt hashes.
CREATE TABLE accounts (
    id            VARCHAR(36)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT accounts_pk PRIMARY KEY (id),
    CONSTRAINT accounts_email_uk UNIQUE (email),
    CONSTRAINT accounts_email_lower CHECK (email = LOWER(email))
);
CREATE INDEX accounts_role_created ON accounts (role, created_at);

-- Live account tokens, so that single-session mode can revoke a user's older tokens on a new login.
CREATE TABLE issued_token (
    jti        VARCHAR(64) NOT NULL,
    subject    VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT issued_token_pk PRIMARY KEY (jti)
);
CREATE INDEX issued_token_subject ON issued_token (subject);
CREATE INDEX issued_token_expires ON issued_token (expires_at);

-- Revoked token ids (logout, replaced sessions), checked on every request until the token expires anyway.
CREATE TABLE revoked_token (
    jti        VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT revoked_token_pk PRIMARY KEY (jti)
);
CREATE INDEX revoked_token_expires ON revoked_token (expires_at);
