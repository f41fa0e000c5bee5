package io.parley.server.realtime;

import io.parley.server.support.H2Database;

@H2Database
class InboxSearchH2IT extends InboxSearchTests {
}
