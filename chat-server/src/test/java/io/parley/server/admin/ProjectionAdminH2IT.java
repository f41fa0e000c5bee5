package io.parley.server.admin;

import io.parley.server.support.H2Database;

@H2Database
class ProjectionAdminH2IT extends ProjectionAdminTests {
}
