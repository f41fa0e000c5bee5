-- analytics: support figures rebuilt from the events like every read model (docs/analytics.md). Every fact of
-- a chat belongs to the UTC instant (and day) the chat started, so a window's figures never change shape when
-- later events arrive: they only fill in. version guards against applying an event twice, as in V3.

-- One row per chat: its timings and counts; percentiles are taken over these rows in SQL.
CREATE TABLE analytics_chat (
    chat_id                   VARCHAR(64)              NOT NULL,
    category                  VARCHAR(255)             NOT NULL,
    priority                  VARCHAR(16)              NOT NULL,
    started_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    started_day               DATE                     NOT NULL,
    first_customer_message_at TIMESTAMP WITH TIME ZONE,
    first_agent_message_at    TIMESTAMP WITH TIME ZONE,
    first_responder_id        VARCHAR(64),
    first_response_seconds    DOUBLE PRECISION,
    first_resolved_at         TIMESTAMP WITH TIME ZONE,
    resolution_seconds        DOUBLE PRECISION,
    closed_at                 TIMESTAMP WITH TIME ZONE,
    agent_id                  VARCHAR(64),
    customer_messages         INTEGER                  NOT NULL,
    agent_messages            INTEGER                  NOT NULL,
    -- CSAT score (1..5) from ChatRated; null until the chat is rated.
    rating                    INTEGER,
    version                   BIGINT                   NOT NULL,
    CONSTRAINT analytics_chat_pk PRIMARY KEY (chat_id)
);
CREATE INDEX analytics_chat_started ON analytics_chat (started_at);
CREATE INDEX analytics_chat_category ON analytics_chat (category, started_at);

-- Each staff member's part in a chat: held it (assigned), resolved it, messages sent.
CREATE TABLE analytics_chat_agent (
    chat_id  VARCHAR(64) NOT NULL,
    agent_id VARCHAR(64) NOT NULL,
    assigned BOOLEAN     NOT NULL,
    resolved BOOLEAN     NOT NULL,
    messages INTEGER     NOT NULL,
    CONSTRAINT analytics_chat_agent_pk PRIMARY KEY (chat_id, agent_id)
);
CREATE INDEX analytics_chat_agent_agent ON analytics_chat_agent (agent_id);

-- Staff names as their latest event gave them.
CREATE TABLE analytics_agent (
    agent_id VARCHAR(64)  NOT NULL,
    name     VARCHAR(255),
    CONSTRAINT analytics_agent_pk PRIMARY KEY (agent_id)
);

-- Pre-aggregates by start day, so that counts over whole days read one row per day and group, not every chat.
CREATE TABLE analytics_day (
    started_day    DATE         NOT NULL,
    category       VARCHAR(255) NOT NULL,
    priority       VARCHAR(16)  NOT NULL,
    chats_started  BIGINT       NOT NULL,
    chats_resolved BIGINT       NOT NULL,
    chats_closed   BIGINT       NOT NULL,
    messages       BIGINT       NOT NULL,
    CONSTRAINT analytics_day_pk PRIMARY KEY (started_day, category, priority)
);

CREATE TABLE analytics_agent_day (
    started_day DATE         NOT NULL,
    agent_id VARCHAR(64)  NOT NULL,
    category VARCHAR(255) NOT NULL,
    assigned BIGINT       NOT NULL,
    resolved BIGINT       NOT NULL,
    messages BIGINT       NOT NULL,
    CONSTRAINT analytics_agent_day_pk PRIMARY KEY (started_day, agent_id, category)
);
