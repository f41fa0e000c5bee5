package io.parley.server.media;

import io.parley.server.support.H2Database;

@H2Database
class MediaH2IT extends MediaTests {
}
