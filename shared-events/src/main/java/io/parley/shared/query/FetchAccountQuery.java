package io.parley.shared.query;

/** A registered account (user, agent, admin, auditor) by id; empty answer when there is none. */
public record FetchAccountQuery(String accountId) {
}
