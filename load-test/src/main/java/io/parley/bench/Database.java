package io.parley.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database Parley runs on, as the raw JDBC measurements reach it. For the embedded H2 the file belongs to the
 * server process while it runs (H2 locks it), so scans of it happen after the server stopped.
 */
record Database(String url, String user, String password) {
    /** The settings the embedded default uses (DataDirectoryEnvironment): same engine, same modes. */
    static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    static Database h2File(java.nio.file.Path fileWithoutSuffix) {
        return new Database("jdbc:h2:file:" + fileWithoutSuffix + H2_SETTINGS, "sa", "");
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    String kind() {
        return isH2() ? "h2-file" : url.startsWith("jdbc:postgresql:") ? "postgresql" : "other";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The URL without credentials or query, safe for the report. */
    String describe() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
