package io.parley.server.deadletters;

import io.parley.server.support.H2Database;

@H2Database
class DeadLetterH2IT extends DeadLetterTests {
}
