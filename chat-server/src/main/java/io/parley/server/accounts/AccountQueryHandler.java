package io.parley.server.accounts;

import io.parley.shared.query.AccountView;
import io.parley.shared.query.FetchAccountQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Lets other modules look accounts up through the QueryGateway; answers null when there is no such account. */
@Component
class AccountQueryHandler {
    private final AccountService accounts;

    AccountQueryHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @QueryHandler
    AccountView handle(FetchAccountQuery query) {
        return accounts.find(query.accountId()).orElse(null);
    }
}
