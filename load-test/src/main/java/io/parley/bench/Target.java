package io.parley.bench;

/**
 * The Parley server under test: where its REST API and Socket.IO server answer, its admin credentials, its
 * database (null when unknown) and, when the harness started it, its process id for CPU and RSS sampling.
 */
record Target(String http, String socketUrl, String adminEmail, String adminPassword, Database database,
              long pid, LocalServer owned) {

    boolean local() {
        return owned != null;
    }

    /** True when raw JDBC may read the server's database while the server runs (not an embedded H2 file). */
    boolean databaseReadableWhileRunning() {
        return database != null && !database.isH2();
    }
}
