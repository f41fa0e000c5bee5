package io.parley.server.query;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class MessageQueryPostgresIT extends MessageQueryTests {
}
