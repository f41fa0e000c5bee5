package io.parley.server.dialects;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class CrossDialectPostgresIT extends CrossDialectTests {
}
