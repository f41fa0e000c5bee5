package io.parley.server.dialects;

import io.parley.server.support.H2Database;

@H2Database
class AgriDialectH2IT extends AgriDialectTests {
}
