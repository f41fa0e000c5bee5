-- Uploaded media (io.parley.server.media). One script for PostgreSQL and H2 in PostgreSQL mode.
-- A row exists only once its content is stored; message_id is set, in the transaction that appends the message's
-- event, when a message carries it, and customer_id then names the chat's customer, who may fetch it too.
CREATE TABLE media (
    id             VARCHAR(36)  NOT NULL,
    uploader_id    VARCHAR(64)  NOT NULL,
    uploader_role  VARCHAR(16)  NOT NULL,
    name           VARCHAR(255) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    chat_id        VARCHAR(64),
    customer_id    VARCHAR(64),
    message_id     VARCHAR(64),
    attached_at    TIMESTAMP WITH TIME ZONE,
    thumbnail      BYTEA,
    thumbnail_type VARCHAR(32),
    CONSTRAINT media_pk PRIMARY KEY (id)
);
CREATE INDEX media_orphans ON media (message_id, created_at);

-- The bytes of media when they live in the database (PostgreSQL): fixed-size chunks, so that an upload is
-- written and a download (or a Range of it) read a chunk at a time, never the whole file at once.
CREATE TABLE media_content (
    media_id VARCHAR(36) NOT NULL,
    chunk_no INTEGER     NOT NULL,
    bytes    BYTEA       NOT NULL,
    CONSTRAINT media_content_pk PRIMARY KEY (media_id, chunk_no)
);
