package io.parley.server.api;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class CannedResponsePostgresIT extends CannedResponseTests {
}
