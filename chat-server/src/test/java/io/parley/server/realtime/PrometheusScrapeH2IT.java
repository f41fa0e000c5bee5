package io.parley.server.realtime;

import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's Prometheus sees after real traffic: the send → ack histogram per transport, pushes,
 * connected sockets and projection lag, scraped as an admin; nobody else may scrape. Test contexts export no
 * metrics unless asked ({@link AutoConfigureObservability}), so this one asks.
 */
@H2Database
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "chat.metrics-token=" + PrometheusScrapeH2IT.SCRAPER_SECRET)
class PrometheusScrapeH2IT extends RealtimeTestBase {
    static final String SCRAPER_SECRET = "prometheus-scraper-secret-0123456789abcdef";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScrapeAfterSocketAndRestSendsShowsTheirAcksPushesAndSockets() {
        Person ann = customer("Ann");
        String chatId = startChat(ann, "My parcel is late");
        TestSocket annSocket = socket(ann, WEBSOCKET);
        join(annSocket, chatId);
        ok(annSocket.call("sendMessage", Map.of("chatId", chatId, "content", "over the socket")));
        annSocket.await("newMessage", m -> m.path("content").asText().equals("over the socket"));
        post("/api/chats/" + chatId + "/messages", ann, Map.of("content", "over REST"));

        HttpResponse<String> scrape = scrape(admin);
        assertThat(scrape.statusCode()).isEqualTo(200);
        String text = scrape.body();
        assertThat(value(text, "parley_send_ack_seconds_count", "transport=\"socket\"")).hasValueSatisfying(
                count -> assertThat(count).isGreaterThanOrEqualTo(1));
        assertThat(value(text, "parley_send_ack_seconds_count", "transport=\"rest\"")).hasValueSatisfying(
                count -> assertThat(count).isGreaterThanOrEqualTo(1));
        assertThat(value(text, "parley_send_ack_seconds_bucket", "le=\"+Inf\"", "transport=\"socket\""))
                .as("a histogram p99 can be computed from the buckets").hasValueSatisfying(
                        count -> assertThat(count).isGreaterThanOrEqualTo(1));
        assertThat(value(text, "parley_sockets_connected")).hasValueSatisfying(
                sockets -> assertThat(sockets).isGreaterThanOrEqualTo(1));
        assertThat(value(text, "parley_pushes_total", "event=\"newMessage\"")).hasValueSatisfying(
                pushes -> assertThat(pushes).isGreaterThanOrEqualTo(1));
        for (String projection : new String[] {"inbox", "history", "unread"}) {
            assertThat(value(text, "parley_projection_lag", "projection=\"" + projection + "\"")).isPresent();
        }
        assertThat(value(text, "parley_projection_dead_letters", "processor=\"read-models\"")).hasValue(0.0);
        assertThat(value(text, "parley_rate_limit_refusals_total", "limit=\"send\"")).hasValue(0.0);
        assertThat(value(text, "parley_cluster_relay_errors_total", "direction=\"publish\"")).hasValue(0.0);
    }

    @Test
    void aScraperSecretOpensThePrometheusEndpointAndNothingElse() {
        assertThat(scrape(SCRAPER_SECRET).statusCode()).isEqualTo(200);
        assertThat(scrape(SCRAPER_SECRET).body()).contains("parley_sockets_connected");
        assertThat(scrape(SCRAPER_SECRET + "x").statusCode()).isEqualTo(401);
        for (String other : new String[] {"/actuator/metrics", "/api/chats", "/api/auth/me", "/api/admin/users"}) {
            HttpResponse<String> answer = get(other, SCRAPER_SECRET);
            assertThat(answer.statusCode()).as(other).isEqualTo(401);
        }
    }

    private HttpResponse<String> get(String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyAdminsMayScrape() {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape(customer("Cleo").token()).statusCode()).isEqualTo(403);
        assertThat(scrape(staff("Agnes", "agent").token()).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> scrape(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus"));
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the first sample of {@code name} that has all {@code labels}, if there is one. */
    private static Optional<Double> value(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) continue;
            String series = line.substring(0, line.lastIndexOf(' '));
            if (Arrays.stream(labels).allMatch(series::contains)) {
                return Optional.of(Double.parseDouble(line.substring(series.length() + 1)));
            }
        }
        return Optional.empty();
    }
}
