package io.parley.server.security;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class AuthErrorEnvelopePostgresIT extends AuthErrorEnvelopeTests {
}
