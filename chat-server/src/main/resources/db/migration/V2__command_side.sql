-- Command-side decision tables, written in the same transaction as the events they follow.

-- Ticket numbers TKT-<year>-<6 digits>: one system-wide, increasing counter.
CREATE SEQUENCE ticket_number_seq START WITH 1 INCREMENT BY 1;

-- Set-based validation of "one active chat per customer": the primary key settles races.
CREATE TABLE active_chat (
    customer_id VARCHAR(64) NOT NULL,
    chat_id     VARCHAR(64) NOT NULL,
    CONSTRAINT active_chat_pk PRIMARY KEY (customer_id)
);
CREATE UNIQUE INDEX active_chat_chat ON active_chat (chat_id);

-- Resolved chats waiting for the auto-close deadline.
CREATE TABLE auto_close_due (
    chat_id     VARCHAR(64) NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT auto_close_due_pk PRIMARY KEY (chat_id)
);
CREATE INDEX auto_close_due_at ON auto_close_due (due_at);
