package io.parley.server.accounts;

import io.parley.server.support.H2Database;

@H2Database
class AuthAdminUsersH2IT extends AuthAdminUsersTests {
}
