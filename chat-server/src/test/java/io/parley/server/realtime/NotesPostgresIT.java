package io.parley.server.realtime;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class NotesPostgresIT extends NotesTests {
}
