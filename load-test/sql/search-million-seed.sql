-- The inbox search over message text (docs/staff.md) at a million messages, as plain SQL on PostgreSQL: 50,000
-- chats of 20 messages (every 5th a system notice), the GIN index of migration V10_1, in a schema of its own.
-- psql -h 127.0.0.1 -U postgres -d test -f search-million-seed.sql, then search-million-query.sh (docs/benchmarks.md).

DROP SCHEMA IF EXISTS staff_search_bench CASCADE;
CREATE SCHEMA staff_search_bench;
SET search_path = staff_search_bench;
CREATE TABLE inbox_chat (chat_id VARCHAR(64) PRIMARY KEY, ticket_number VARCHAR(32) NOT NULL, subject VARCHAR(1000),
  customer_name VARCHAR(255), customer_email VARCHAR(320), status VARCHAR(16) NOT NULL, agent_id VARCHAR(64),
  updated_at TIMESTAMPTZ NOT NULL);
CREATE INDEX inbox_chat_updated ON inbox_chat (updated_at, chat_id);
CREATE TABLE history_message (chat_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, sender_side VARCHAR(16),
  content VARCHAR(16000) NOT NULL, PRIMARY KEY (chat_id, seq));
-- 50,000 chats, 20 messages each = 1,000,000 messages; every 5th message is a system notice.
INSERT INTO inbox_chat SELECT 'c' || g, 'TKT-2026-' || lpad(g::text, 6, '0'), 'Subject ' || (g % 97),
  'Customer ' || g, 'c' || g || '@example.com', 'open', NULL, now() - (g || ' seconds')::interval
  FROM generate_series(1, 50000) g;
INSERT INTO history_message SELECT 'c' || c, s, CASE WHEN s % 5 = 0 THEN NULL ELSE 'customer' END,
  'message ' || s || ' about order ' || (c * 31 + s) % 10007 || ' word' || ((c * 7 + s) % 5000)
  || ' the parcel was late and the courier said it would come tomorrow'
  FROM generate_series(1, 50000) c, generate_series(1, 20) s;
CREATE INDEX history_message_text ON history_message USING GIN (to_tsvector('simple', content))
  WHERE sender_side IS NOT NULL;
ANALYZE;
