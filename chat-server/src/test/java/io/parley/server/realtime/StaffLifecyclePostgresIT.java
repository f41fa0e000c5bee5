package io.parley.server.realtime;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class StaffLifecyclePostgresIT extends StaffLifecycleTests {
}
