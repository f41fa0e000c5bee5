-- Auto-assignment (CHAT_AUTO_ASSIGN). One script for PostgreSQL and H2 in PostgreSQL mode.
-- The router's own state, written only by its one-segment processor (chat-router) and by the router in the
-- transaction that appends its assignments: the chats it knows (queued_at set while a chat waits for an agent;
-- version = the chat's last event applied) and the agents' availability and last assignment.
CREATE TABLE route_chat (
    chat_id       VARCHAR(64)              NOT NULL,
    ticket_number VARCHAR(32)              NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    agent_id      VARCHAR(64),
    queued_at     TIMESTAMP WITH TIME ZONE,
    version       BIGINT                   NOT NULL,
    CONSTRAINT route_chat_pk PRIMARY KEY (chat_id)
);
CREATE INDEX route_chat_queue ON route_chat (queued_at, ticket_number);
CREATE INDEX route_chat_agent ON route_chat (agent_id, status);

CREATE TABLE route_agent (
    agent_id         VARCHAR(64)              NOT NULL,
    availability     VARCHAR(16),
    online_since     TIMESTAMP WITH TIME ZONE,
    last_assigned_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT route_agent_pk PRIMARY KEY (agent_id)
);

-- The inbox read model knows since when a chat waits, so that any node answers queuePosition the same.
ALTER TABLE inbox_chat ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX inbox_chat_queue ON inbox_chat (queued_at, ticket_number);
-- Chats already waiting when this runs: since they started (exact for all that were never held).
UPDATE inbox_chat SET queued_at = created_at
 WHERE agent_id IS NULL AND status IN ('OPEN', 'IN_PROGRESS', 'PENDING');
