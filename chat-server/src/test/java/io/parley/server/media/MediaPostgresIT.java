package io.parley.server.media;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class MediaPostgresIT extends MediaTests {
}
