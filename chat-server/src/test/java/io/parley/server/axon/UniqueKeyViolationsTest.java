package io.parley.server.axon;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueKeyViolationsTest {
    private final UniqueKeyViolations resolver = new UniqueKeyViolations();

    @Test
    void postgresDuplicateKeyInsideABatchIsALostRace() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "23505", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isTrue();
    }

    @Test
    void aNestedUniqueViolationIsFoundThroughNextException() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "XX000", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void h2IntegrityViolationIsALostRace() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLIntegrityConstraintViolationException("dup"))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection reset", "08006"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("boom"))).isFalse();
    }
}
