package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Draws the sample analytics chart (docs/analytics.md): seeds chats over past days into a running server on
 * PostgreSQL, waits for the analytics read model, asks the summary for each day and plots the first-response
 * p50 and p90 by day as a PNG.
 */
public final class AnalyticsChart {
    private AnalyticsChart() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Rest rest = new Rest(options.getOrDefault("url", "http://localhost:8080"));
        Database db = new Database(options.get("db-url"), options.getOrDefault("db-user", "postgres"),
                options.getOrDefault("db-password", ""));
        int days = Integer.parseInt(options.getOrDefault("days", "14"));
        int perDay = Integer.parseInt(options.getOrDefault("chats-per-day", "40"));
        Path out = Path.of(options.getOrDefault("out", "docs/analytics-first-response.png"));
        String admin = rest.login(options.getOrDefault("admin-email", "admin@parley.local"),
                options.getOrDefault("admin-password", "admin-password-1"));

        String template = playOneChat(rest, admin);
        SplittableRandom random = new SplittableRandom(12);
        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(days);
        try (Connection c = db.connect()) {
            AnalyticsSeeder seeder = AnalyticsSeeder.from(c, template);
            for (int d = 0; d < days; d++) {
                // A busier, slower middle of the window: the median drifts from ~40 s up to ~3 min and back.
                double median = 40 + 140 * Math.sin(Math.PI * d / (days - 1.0));
                for (int i = 0; i < perDay; i++) {
                    Instant start = first.plusDays(d).atStartOfDay().toInstant(ZoneOffset.UTC)
                            .plusSeconds(8 * 3600 + random.nextInt(10 * 3600));
                    double firstResponse = median * Math.exp(0.8 * gaussian(random));
                    seeder.append(c, start, firstResponse, 300 + random.nextInt(3600));
                }
            }
        }
        awaitAnalytics(rest, admin);
        List<Date> x = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p90 = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            JsonNode summary = summary(rest, admin, day);
            if (summary.path("firstResponseSeconds").path("p50").isNull()) continue;
            x.add(Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC)));
            p50.add(summary.path("firstResponseSeconds").path("p50").asDouble());
            p90.add(summary.path("firstResponseSeconds").path("p90").asDouble());
        }
        XYChart chart = new XYChartBuilder().width(900).height(420)
                .title("First response by day (" + perDay + " seeded chats a day)")
                .xAxisTitle("day the chat started (UTC)").yAxisTitle("seconds").build();
        chart.getStyler().setDatePattern("MM-dd");
        chart.addSeries("p50", x, p50);
        chart.addSeries("p90", x, p90);
        BitmapEncoder.saveBitmap(chart, out.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.println("wrote " + out);
    }

    /** One chat through the real API (start, assign, reply, resolve): its stored events are the templates. */
    private static String playOneChat(Rest rest, String admin) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        rest.createStaff(admin, "Alice", "alice-" + suffix + "@parley.local", "staff-password-1", "agent");
        String agent = rest.login("alice-" + suffix + "@parley.local", "staff-password-1");
        String customer = rest.register("Carla", "carla-" + suffix + "@example.com", "secret-password-1")[0];
        String chatId = rest.post("/api/chats", customer, Map.of("message", "I cannot log in", "category",
                "account")).expect(201).data().path("chat").path("id").asText();
        rest.post("/api/chats/" + chatId + "/assign", agent, null).expect(200);
        rest.post("/api/chats/" + chatId + "/messages", agent, Map.of("content", "Let me look")).expect(201);
        rest.post("/api/chats/" + chatId + "/status", agent, Map.of("status", "resolved")).expect(200);
        return chatId;
    }

    /** One day's summary; a long window asks more often than the staff rate limit allows, so it waits its turn. */
    private static JsonNode summary(Rest rest, String admin, LocalDate day) throws InterruptedException {
        while (true) {
            Rest.Answer answer = rest.get("/api/analytics/summary?from=" + day + "&to=" + day, admin);
            if (answer.status() != 429) return answer.expect(200).data();
            Thread.sleep(1000);
        }
    }

    private static void awaitAnalytics(Rest rest, String admin) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode p : rest.get("/api/admin/projections", admin).expect(200).data()) {
                if (p.path("name").asText().equals("analytics") && p.path("lag").asLong(-1) == 0) return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the analytics read model did not catch up");
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        if (!options.containsKey("db-url")) throw new IllegalArgumentException("--db-url (PostgreSQL) is required");
        return options;
    }
}
