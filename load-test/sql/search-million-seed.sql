-- The inbox search (docs/staff.md, "Searching the inbox") at a million messages, as plain SQL on PostgreSQL:
-- 50,000 chats of 20 messages (every 5th a system notice) in a schema of its own, with the inbox table exactly as
-- migrations V3..V14_1 leave it: search_fields under a pg_trgm index, message_words (the words the customer and
-- staff said, what the inbox projection writes) under a GIN index. The history is seeded too: it is what the
-- documents are made from, as V14_1 backfills them.
-- psql -h 127.0.0.1 -U postgres -d test -f search-million-seed.sql, then search-million-query.sh (docs/benchmarks.md).

DROP SCHEMA IF EXISTS staff_search_bench CASCADE;
CREATE SCHEMA staff_search_bench;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
SET search_path = staff_search_bench, public;
CREATE TABLE inbox_chat (chat_id VARCHAR(64) PRIMARY KEY, ticket_number VARCHAR(32) NOT NULL, subject VARCHAR(1000),
  category VARCHAR(255) NOT NULL, priority VARCHAR(16) NOT NULL, status VARCHAR(16) NOT NULL,
  customer_id VARCHAR(64) NOT NULL, customer_type VARCHAR(16) NOT NULL, customer_name VARCHAR(255),
  customer_email VARCHAR(320), agent_id VARCHAR(64), agent_name VARCHAR(255), created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL, resolved_at TIMESTAMPTZ, closed_at TIMESTAMPTZ, resolution_summary VARCHAR(8000),
  last_seq BIGINT NOT NULL, version BIGINT NOT NULL, tags VARCHAR(1000), rating_score INTEGER,
  rating_comment VARCHAR(4000), rated_at TIMESTAMPTZ, queued_at TIMESTAMPTZ, search_fields VARCHAR(4000),
  message_words tsvector);
ALTER TABLE inbox_chat ALTER COLUMN message_words SET STORAGE EXTERNAL;
CREATE INDEX inbox_chat_updated ON inbox_chat (updated_at, chat_id);
CREATE INDEX inbox_chat_status ON inbox_chat (status, updated_at);
CREATE TABLE history_message (chat_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, sender_side VARCHAR(16),
  content VARCHAR(16000) NOT NULL, PRIMARY KEY (chat_id, seq));
-- 50,000 chats, 20 messages each = 1,000,000 messages; every 5th message is a system notice.
INSERT INTO inbox_chat (chat_id, ticket_number, subject, category, priority, status, customer_id, customer_type,
  customer_name, customer_email, created_at, updated_at, last_seq, version, queued_at)
  SELECT 'c' || g, 'TKT-2026-' || lpad(g::text, 6, '0'), 'Subject ' || (g % 97), 'general', 'MEDIUM', 'OPEN',
  'u' || g, 'user', 'Customer ' || g, 'c' || g || '@example.com', now() - (g || ' seconds')::interval,
  now() - (g || ' seconds')::interval, 20, 21, now() - (g || ' seconds')::interval
  FROM generate_series(1, 50000) g;
UPDATE inbox_chat SET search_fields = lower(concat_ws(chr(31), ticket_number, subject, customer_name, customer_email));
INSERT INTO history_message SELECT 'c' || c, s, CASE WHEN s % 5 = 0 THEN NULL ELSE 'CUSTOMER' END,
  'message ' || s || ' about order ' || (c * 31 + s) % 10007 || ' word' || ((c * 7 + s) % 5000)
  || ' the parcel was late and the courier said it would come tomorrow'
  FROM generate_series(1, 50000) c, generate_series(1, 20) s;
-- What the inbox projection has written once it applied these messages: their words, notices left out.
UPDATE inbox_chat i SET message_words = d.words FROM (SELECT chat_id,
  to_tsvector('simple', string_agg(content, E'\n' ORDER BY seq)) AS words FROM history_message
  WHERE sender_side IS NOT NULL GROUP BY chat_id) d WHERE d.chat_id = i.chat_id;
VACUUM FULL inbox_chat;
CREATE INDEX inbox_chat_message_words ON inbox_chat USING GIN (message_words);
CREATE INDEX inbox_chat_search_fields ON inbox_chat USING GIN (search_fields public.gin_trgm_ops);
ANALYZE;
