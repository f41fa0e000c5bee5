package io.parley.server.security;

import io.parley.server.support.H2Database;

@H2Database
class AuthSingleSessionH2IT extends AuthSingleSessionTests {
}
