-- notes: staff's private notes on chats, a read model of NoteAddedEvent (never read by a customer's query).
-- after_seq: the chat's last message seq when the note was added, which places it among the messages.
CREATE TABLE chat_note (
    note_id     VARCHAR(64)              NOT NULL,
    chat_id     VARCHAR(64)              NOT NULL,
    after_seq   BIGINT                   NOT NULL,
    author_id   VARCHAR(64)              NOT NULL,
    author_role VARCHAR(16)              NOT NULL,
    author_name VARCHAR(255),
    content     VARCHAR(16000)           NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT chat_note_pk PRIMARY KEY (note_id)
);
CREATE INDEX chat_note_chat ON chat_note (chat_id, version);
