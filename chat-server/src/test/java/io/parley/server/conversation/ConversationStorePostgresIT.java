package io.parley.server.conversation;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class ConversationStorePostgresIT extends ConversationStoreTests {
}
