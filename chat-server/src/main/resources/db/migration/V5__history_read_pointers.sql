-- How far each side has read a chat's history, so that marking messages read only visits the newly read ones
-- (seq between the old and the new pointer) instead of every older message of the chat.
ALTER TABLE history_chat ADD COLUMN customer_read_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE history_chat ADD COLUMN staff_read_seq BIGINT DEFAULT 0 NOT NULL;
