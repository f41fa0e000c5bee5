package io.parley.server.audit;

import io.parley.server.support.H2Database;

@H2Database
class AnalyticsSummaryH2IT extends AnalyticsSummaryTests {
}
