package io.parley.server.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How much the fuzz server has stored: events (every chat change is one) and accounts. A refused request must
 * leave both as they were; read in-process, so checking after every refusal costs next to nothing.
 */
public record StoredCounts(long events, long accounts) {

    public static StoredCounts now() {
        JdbcTemplate jdbc = FuzzServer.bean(JdbcTemplate.class);
        return new StoredCounts(count(jdbc, "DomainEventEntry"), count(jdbc, "accounts"));
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }
}
