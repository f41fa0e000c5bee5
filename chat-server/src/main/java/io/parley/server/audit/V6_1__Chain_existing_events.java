package io.parley.server.audit;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Links the chat events stored before the audit chain existed, once, in Flyway's transaction: nodes that start
 * together wait for Flyway's lock, and the one that runs it commits links and version at once, so the others find
 * it applied. A Spring bean (Flyway takes Java migrations from the context), named as Flyway versions migrations.
 */
@Component
@SuppressWarnings("java:S101") // Flyway reads the version and description from the class name
public class V6_1__Chain_existing_events extends BaseJavaMigration {
    private static final Logger log = LoggerFactory.getLogger(V6_1__Chain_existing_events.class);

    @Override
    public void migrate(Context context) throws Exception {
        long linked = ChainBackfill.all(context.getConnection());
        if (linked > 0) log.info("linked {} stored chat events into their audit chains", linked);
    }
}
