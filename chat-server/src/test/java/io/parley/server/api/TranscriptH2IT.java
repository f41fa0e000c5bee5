package io.parley.server.api;

import io.parley.server.support.H2Database;

@H2Database
class TranscriptH2IT extends TranscriptTests {
}
