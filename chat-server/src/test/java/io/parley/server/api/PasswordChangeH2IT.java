package io.parley.server.api;

import io.parley.server.support.H2Database;

@H2Database
class PasswordChangeH2IT extends PasswordChangeTests {
}
