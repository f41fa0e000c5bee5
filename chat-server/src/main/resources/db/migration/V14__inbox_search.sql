-- The inbox's search document (docs/staff.md, "Searching the inbox"): per chat, what q matches as a substring
-- (ticket number, subject, customer name and email, lowercased, joined by U+001F) and what the customer and staff
-- said (message_words), both written by the inbox projection. One script for PostgreSQL and H2 in PostgreSQL
-- mode: on H2 message_words stays lowercased text; the Java migration V14_1 (io.parley.server.search) makes it a
-- tsvector on PostgreSQL, fills both columns from the existing read models and builds the indexes.
ALTER TABLE inbox_chat ADD COLUMN search_fields VARCHAR(4000);
ALTER TABLE inbox_chat ADD COLUMN message_words TEXT;
