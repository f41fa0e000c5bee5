package io.parley.server.conversation;

import io.parley.server.support.H2Database;

@H2Database
class ConversationStoreH2IT extends ConversationStoreTests {
}
