-- Support operations (contract "Support operations"): a chat's tags and CSAT rating in the inbox read model, and
-- the team's canned responses. One script for PostgreSQL and H2 in PostgreSQL mode: portable types only.

-- Tags as one delimited column, |billing|vip| (at most 20 tags of 32 characters), so the inbox's tag= filter is
-- one LIKE on both databases. Rebuilt from ChatUpdatedEvent / ChatRatedEvent like the rest of the row.
ALTER TABLE inbox_chat ADD COLUMN tags VARCHAR(1000);
ALTER TABLE inbox_chat ADD COLUMN rating_score INTEGER;
ALTER TABLE inbox_chat ADD COLUMN rating_comment VARCHAR(4000);
ALTER TABLE inbox_chat ADD COLUMN rated_at TIMESTAMP WITH TIME ZONE;

-- Canned responses are configuration, not chat events: a plain table. Shortcodes are stored lowercased (the CHECK
-- keeps it so), which makes the unique key case-insensitive and settles two admins saving one at the same moment.
CREATE TABLE canned_response (
    id         VARCHAR(36)              NOT NULL,
    shortcode  VARCHAR(32)              NOT NULL,
    title      VARCHAR(200)             NOT NULL,
    content    VARCHAR(16000)           NOT NULL,
    created_by VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64)              NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT canned_response_pk PRIMARY KEY (id),
    CONSTRAINT canned_response_shortcode_uk UNIQUE (shortcode),
    CONSTRAINT canned_response_shortcode_lower CHECK (shortcode = LOWER(shortcode))
);
