package io.parley.server.text;

import io.parley.server.support.H2Database;

@H2Database
class UnstorableTextH2IT extends UnstorableTextTests {
}
