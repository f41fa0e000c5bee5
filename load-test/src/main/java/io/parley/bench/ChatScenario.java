package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code chat}: the {@link OpenLoop} load against Parley, then (unless {@code --baseline none}) the same load
 * against the bare baseline, compared as Parley ÷ bare. Latency is send → the other participant's newMessage.
 * Lost, duplicated, out-of-order and failed sends must all be 0, on both.
 */
final class ChatScenario implements Scenario {
    private static final String LATENCY = "sendToReceive";

    @Override
    public void run(Run run) throws Exception {
        OpenLoop.Load load = OpenLoop.read(run.options);
        boolean baseline = Baseline.wanted(run.options);
        ObjectNode r = run.results;
        run.say("%d customers + %d agents on %d sockets, %.0f msg/s offered for %d s (payload %d B)",
                load.customers(), load.agents(), load.customers() + load.agents(), load.rate(), load.duration(),
                load.content().length());
        OpenLoop.Outcome parley = null;
        if (!Baseline.only(run.options)) {
            parley = OpenLoop.drive(run, new ParleyStack(run), load);
            r.setAll(parley.results());
            parley.book().check(run);
            run.scheduleLag = parley.pacer().lateness;
            run.plotted.put("send → receive", parley.book().fromSend);
            run.plotted.put("intended send → receive", parley.book().fromIntended);
            run.plotted.put("send → ack", parley.book().ackLatency);
            say(run, "Parley", parley.results());
        }
        if (!baseline) return;

        try (BareProcess bare = Baseline.start(run)) {
            OpenLoop.Outcome floor = OpenLoop.drive(run, new BareStack(run, bare), load);
            r.set("baseline", floor.results());
            floor.book().check(run, "bare.");
            if (parley == null) run.scheduleLag = floor.pacer().lateness;
            run.plotted.put("bare send → receive", floor.book().fromSend);
            say(run, "bare", floor.results());
            if (parley == null) return;
            ObjectNode ratios = Baseline.ratios(parley.results(), floor.results(),
                    Baseline.figures("/ackedPerSecond", LATENCY, "/latency/" + LATENCY));
            r.set("vsBare", ratios);
            run.say("%s", Baseline.line(ratios, LATENCY));
        }
    }

    private static void say(Run run, String stack, ObjectNode r) {
        run.say("%s: acked %.1f sends/s, delivered %.1f/s; failed %d, lost %d, duplicated %d, out of order %d",
                stack, r.path("ackedPerSecond").asDouble(), r.path("deliveriesPerSecond").asDouble(),
                r.path("failed").asLong(), r.path("lost").asLong(), r.path("duplicated").asLong(),
                r.path("outOfOrder").asLong());
        run.say("%s: send → receive %s", stack, line(r.path("latency").path(LATENCY)));
        run.say("%s: send → ack     %s", stack, line(r.path("latency").path("sendToAck")));
        ObjectNode server = (ObjectNode) r.path("server");
        run.say("%s: server %.0f%% of one core, RSS max %d MiB, heap max %d MiB (%s)", stack,
                server.path("cpuPercentOfOneCore").asDouble(), server.path("rssMaxBytes").asLong() >> 20,
                server.path("heapUsedMaxBytes").asLong() >> 20, server.path("heapSource").asText());
    }

    /** A latency node of the report as one line. */
    static String line(com.fasterxml.jackson.databind.JsonNode l) {
        if (l.path("count").asLong() == 0) return "no samples";
        return String.format("p50 %.1f  p90 %.1f  p99 %.1f  max %.1f ms  (n=%d)", l.path("p50").asDouble(),
                l.path("p90").asDouble(), l.path("p99").asDouble(), l.path("max").asDouble(),
                l.path("count").asLong());
    }

    static List<Participant> connect(Run run, DeliveryBook book, List<Population.Person> people) throws Exception {
        return connect(run.target.socketUrl(), book, people);
    }

    static List<Participant> connect(String socketUrl, DeliveryBook book, List<Population.Person> people)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Participant>> futures = new ArrayList<>();
            for (Population.Person p : people) {
                futures.add(pool.submit(() -> new Participant(socketUrl, p.id(), p.token(), book)));
            }
            List<Participant> connected = new ArrayList<>();
            for (Future<Participant> f : futures) connected.add(f.get());
            return connected;
        } finally {
            pool.shutdownNow();
        }
    }
}
