package io.parley.server.axon;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    @Test
    void anUnreachableDatabaseIsNotRetriedButABrokenPooledConnectionIs() {
        assertThat(RetryPolicy.isFinal(new SQLTransientConnectionException("Connection is not available"))).isTrue();
        assertThat(RetryPolicy.isFinal(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(RetryPolicy.isFinal(new ConnectException("Connection refused"))).isTrue();
        assertThat(RetryPolicy.isFinal(new SQLException("An I/O error occurred", "08006"))).isFalse();
        assertThat(RetryPolicy.isFinal(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(RetryPolicy.isFinal(new IllegalStateException("anything else"))).isFalse();
    }
}
