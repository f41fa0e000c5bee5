package io.parley.server.text;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class UnstorableTextPostgresIT extends UnstorableTextTests {
}
