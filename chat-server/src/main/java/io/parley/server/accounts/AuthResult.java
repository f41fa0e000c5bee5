package io.parley.server.accounts;

import io.parley.shared.query.AccountView;

/** Answer of register and login: the bearer token and the account it speaks for. */
record AuthResult(String token, AccountView user) {
}
