package io.parley.server.accounts;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class AuthAdminUsersPostgresIT extends AuthAdminUsersTests {
}
