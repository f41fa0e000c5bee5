-- Staff lifecycle (PATCH /api/admin/users/{id}): an account can be deactivated (its tokens are revoked and its
-- logins refused) and agents/admins carry a capacity for auto-assignment; NULL means CHAT_AGENT_CAPACITY.
-- One script for PostgreSQL and H2 in PostgreSQL mode. The message search index is PostgreSQL-only and is
-- created by the Java migration V10_1 (io.parley.server.search).
ALTER TABLE accounts ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE accounts ADD COLUMN capacity INTEGER;
