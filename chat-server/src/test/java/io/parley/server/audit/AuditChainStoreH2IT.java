package io.parley.server.audit;

import io.parley.server.support.H2Database;

@H2Database
class AuditChainStoreH2IT extends AuditChainStoreTests {
}
