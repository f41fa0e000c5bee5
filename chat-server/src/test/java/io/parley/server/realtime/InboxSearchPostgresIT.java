package io.parley.server.realtime;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class InboxSearchPostgresIT extends InboxSearchTests {
}
