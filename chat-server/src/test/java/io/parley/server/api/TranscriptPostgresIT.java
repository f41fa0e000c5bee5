package io.parley.server.api;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class TranscriptPostgresIT extends TranscriptTests {
}
