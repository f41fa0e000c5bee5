package io.parley.server.audit;

import io.parley.server.support.PostgresDatabase;

@PostgresDatabase
class AnalyticsSummaryPostgresIT extends AnalyticsSummaryTests {
}
