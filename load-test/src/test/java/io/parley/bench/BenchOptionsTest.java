package io.parley.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void readsScenarioOutputAndOptionsWithTheirDefaults() {
        BenchOptions options = BenchOptions.parse("chat", "--out", "/tmp/x", "--rate", "200", "--duration=7");
        assertThat(options.scenario).isEqualTo("chat");
        assertThat(options.out.toString()).isEqualTo("/tmp/x");
        assertThat(options.decimal("rate", 50)).isEqualTo(200);
        assertThat(options.duration()).isEqualTo(7);
        assertThat(options.integer("customers", 20)).isEqualTo(20);
        assertThat(options.parameters()).containsEntry("rate", 200.0).containsEntry("customers", 20);
    }

    @Test
    void optionsNoScenarioReadAreReportedAsUnused() {
        BenchOptions options = BenchOptions.parse("chat", "--out", "/tmp/x", "--rtae", "200");
        options.decimal("rate", 50);
        assertThat(options.unused()).containsExactly("rtae");
    }

    @Test
    void passwordsNeverReachTheReportParameters() {
        BenchOptions options = BenchOptions.parse("chat", "--out", "/tmp/x", "--admin-password", "s3cret");
        options.text("admin-password", null);
        assertThat(options.parameters()).containsEntry("admin-password", "***");
    }

    @Test
    void anUnknownScenarioOrAMissingOutputDirectoryIsAUsageError() {
        assertThatThrownBy(() -> BenchOptions.parse("chatty", "--out", "/tmp/x"))
                .hasMessageContaining("unknown scenario");
        assertThatThrownBy(() -> BenchOptions.parse("chat")).hasMessageContaining("--out");
        assertThat(Bench.run("chat").exitCode()).isEqualTo(2);
    }

    @Test
    void chatsMeansOneCustomerAndOneAgentPerChatUnlessAgentsAreGiven() {
        OpenLoop.Load perChat = OpenLoop.read(BenchOptions.parse("chat", "--out", "/tmp/x", "--chats", "50"));
        assertThat(perChat.customers()).isEqualTo(50);
        assertThat(perChat.agents()).isEqualTo(50);
        OpenLoop.Load shared = OpenLoop.read(BenchOptions.parse("chat", "--out", "/tmp/x", "--chats", "50",
                "--agents", "5"));
        assertThat(shared.agents()).isEqualTo(5);
        OpenLoop.Load classic = OpenLoop.read(BenchOptions.parse("chat", "--out", "/tmp/x"));
        assertThat(classic.customers()).isEqualTo(20);
        assertThat(classic.agents()).isEqualTo(4);
    }

    @Test
    void theBaselineIsBareUnlessNoneAndNothingElse() {
        assertThat(Baseline.wanted(BenchOptions.parse("chat", "--out", "/tmp/x"))).isTrue();
        assertThat(Baseline.wanted(BenchOptions.parse("chat", "--out", "/tmp/x", "--baseline", "none"))).isFalse();
        assertThatThrownBy(() -> BenchOptions.parse("ceiling", "--out", "/tmp/x", "--baseline", "redis"))
                .hasMessageContaining("--baseline");
    }
}
