package io.parley.server.admin;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class ProjectionAdminPostgresIT extends ProjectionAdminTests {
}
