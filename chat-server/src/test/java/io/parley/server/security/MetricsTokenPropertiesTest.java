package io.parley.server.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsTokenPropertiesTest {

    @Test
    void aScraperSecretIsLongOrAbsent() {
        assertThat(new MetricsTokenProperties(null).metricsToken()).isNull();
        assertThat(new MetricsTokenProperties("").metricsToken()).isEmpty();
        assertThat(new MetricsTokenProperties("a".repeat(32)).metricsToken()).hasSize(32);
        assertThatThrownBy(() -> new MetricsTokenProperties("guessable"))
                .hasMessageContaining("at least 32 characters");
    }
}
