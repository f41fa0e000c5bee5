package io.parley.server.query;

import io.parley.server.support.H2Database;

@H2Database
class ChatQueryH2IT extends ChatQueryTests {
}
