package io.parley.server.accounts;

import io.parley.server.support.H2Database;

@H2Database
class AuthAccountsH2IT extends AuthAccountsTests {
}
