package io.parley.server.dialects;

import io.parley.server.support.H2Database;

@H2Database
class Gs365DialectH2IT extends Gs365DialectTests {
}
