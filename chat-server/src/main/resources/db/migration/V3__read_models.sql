-- Query-side read models, one table group per projection (inbox_*, history_*, unread_*). Each is rebuilt from
-- the event store by its own tracking processor; its reset handler empties exactly its own tables.
-- version: the aggregate sequence number of the chat's last event the projection applied (read-your-writes).
-- Free text is sized above the command side's limits (content 4000 code points, summary 2000), so a valid
-- event can never be refused here and stall a projection.

-- inbox: one row per chat, listed newest activity first and filtered by status, assignee, priority, category.
CREATE TABLE inbox_chat (
    chat_id            VARCHAR(64)              NOT NULL,
    ticket_number      VARCHAR(32)              NOT NULL,
    subject            VARCHAR(1000),
    category           VARCHAR(255)             NOT NULL,
    priority           VARCHAR(16)              NOT NULL,
    status             VARCHAR(16)              NOT NULL,
    customer_id        VARCHAR(64)              NOT NULL,
    customer_type      VARCHAR(16)              NOT NULL,
    customer_name      VARCHAR(255),
    customer_email     VARCHAR(320),
    agent_id           VARCHAR(64),
    agent_name         VARCHAR(255),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    closed_at          TIMESTAMP WITH TIME ZONE,
    resolution_summary VARCHAR(8000),
    last_seq           BIGINT                   NOT NULL,
    version            BIGINT                   NOT NULL,
    CONSTRAINT inbox_chat_pk PRIMARY KEY (chat_id)
);
CREATE INDEX inbox_chat_updated ON inbox_chat (updated_at, chat_id);
CREATE INDEX inbox_chat_customer ON inbox_chat (customer_id, updated_at);
CREATE INDEX inbox_chat_agent_status ON inbox_chat (agent_id, status);
CREATE INDEX inbox_chat_status ON inbox_chat (status, updated_at);

-- history: every message by (chat, seq), system notices included; read_at is when the other side first read it.
CREATE TABLE history_chat (
    chat_id  VARCHAR(64) NOT NULL,
    last_seq BIGINT      NOT NULL,
    version  BIGINT      NOT NULL,
    CONSTRAINT history_chat_pk PRIMARY KEY (chat_id)
);

CREATE TABLE history_message (
    chat_id           VARCHAR(64)              NOT NULL,
    seq               BIGINT                   NOT NULL,
    message_id        VARCHAR(64)              NOT NULL,
    sender_id         VARCHAR(64)              NOT NULL,
    sender_role       VARCHAR(16)              NOT NULL,
    sender_side       VARCHAR(16),
    sender_name       VARCHAR(255),
    content           VARCHAR(16000)           NOT NULL,
    attachment_ids    VARCHAR(4000)            NOT NULL,
    client_message_id VARCHAR(255),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT history_message_pk PRIMARY KEY (chat_id, seq)
);

-- unread: each chat's last seq and the read pointer of each side; unread = last_seq - pointer.
CREATE TABLE unread_chat (
    chat_id          VARCHAR(64) NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    agent_id         VARCHAR(64),
    status           VARCHAR(16) NOT NULL,
    last_seq         BIGINT      NOT NULL,
    customer_pointer BIGINT      NOT NULL,
    staff_pointer    BIGINT      NOT NULL,
    version          BIGINT      NOT NULL,
    CONSTRAINT unread_chat_pk PRIMARY KEY (chat_id)
);
CREATE INDEX unread_chat_customer ON unread_chat (customer_id);
CREATE INDEX unread_chat_agent_status ON unread_chat (agent_id, status);
CREATE INDEX unread_chat_status ON unread_chat (status);
