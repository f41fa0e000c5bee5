package io.parley.server.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads Axon's token table directly, as an operator would, to see which node holds which segment. */
final class TokenClaims {
    private TokenClaims() {
    }

    /** One row: a segment of a processor, its owner (Axon's node id, "pid@host") and when it renewed the claim. */
    record Claim(String processor, int segment, String owner, Instant renewed) {
    }

    static List<Claim> read(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             ResultSet rows = c.createStatement().executeQuery(
                     "SELECT processorName, segment, owner, timestamp FROM TokenEntry ORDER BY 1, 2")) {
            List<Claim> claims = new ArrayList<>();
            while (rows.next()) {
                String renewed = rows.getString(4);
                claims.add(new Claim(rows.getString(1), rows.getInt(2), rows.getString(3),
                        renewed == null ? null : Instant.parse(renewed)));
            }
            return claims;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read TokenEntry", e);
        }
    }
}
