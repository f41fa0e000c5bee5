package io.parley.server.security;

import io.parley.server.support.H2Database;

@H2Database
class AuthTokenH2IT extends AuthTokenTests {
}
