package io.parley.server.accounts;

/** Rules shared by the account request bodies. */
final class AccountRequests {
    /** Something@domain.tld with no spaces; Bean Validation's own @Email would also accept "a@b". */
    static final String EMAIL = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$";

    private AccountRequests() {
    }
}
