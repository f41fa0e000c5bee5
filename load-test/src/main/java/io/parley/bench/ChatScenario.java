package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code chat}: C customers, each in a chat held by one of A agents, every person on a socket of their own. Both
 * sides send, alternating per chat, at a fixed total rate R (open loop) for T seconds after a warm-up; latency is
 * send → the other participant's newMessage. Lost, duplicated and out-of-order messages must all be 0.
 */
final class ChatScenario implements Scenario {

    @Override
    public void run(Run run) throws Exception {
        BenchOptions o = run.options;
        int customers = o.integer("customers", 20);
        int agentCount = o.integer("agents", 4);
        double rate = o.decimal("rate", 50);
        int duration = o.duration();
        int warmup = o.integer("warmup", 5);
        int drain = o.integer("drain", 15);
        String content = Content.of(o.integer("payload", 64));

        long setup = System.nanoTime();
        Population people = new Population(run.rest, run.adminToken, 4);
        run.progress("creating %d agents and %d customers with a chat each", agentCount, customers);
        List<Population.Person> agents = people.agents(agentCount);
        List<Population.Chat> chats = people.chats(people.customers(customers), agents);
        DeliveryBook book = new DeliveryBook();
        run.progress("connecting %d sockets", customers + agentCount);
        List<Participant> agentSockets = connect(run, book, agents);
        List<Participant> customerSockets = connect(run, book, chats.stream().map(Population.Chat::customer).toList());
        for (int i = 0; i < chats.size(); i++) {
            customerSockets.get(i).join(chats.get(i).id());
            agentSockets.get(i % agentCount).join(chats.get(i).id());
        }
        double setupSeconds = (System.nanoTime() - setup) / 1e9;

        run.sample().count("acked sends", book.acked::sum).count("deliveries", book.deliveries::sum).start();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Pacer pacer = new Pacer(rate);
        Pacer.Tick tick = (i, due) -> {
            int chat = (int) ((i / 2) % chats.size());
            Participant from = i % 2 == 0 ? customerSockets.get(chat) : agentSockets.get(chat % agentCount);
            from.send(chats.get(chat).id(), content, runId + "-" + i, due);
        };
        run.progress("warming up %d s at %.0f msg/s", warmup, rate);
        long next = warmup > 0 ? pacer.run(warmup, 0, tick) : 0;
        book.measuring(true);
        run.progress("measuring %d s at %.0f msg/s", duration, rate);
        pacer.run(duration, next, tick);
        book.measuring(false);
        run.progress("draining (at most %d s)", drain);
        book.drain(drain * 1000L);
        double connectedAtEnd = customerSockets.stream().filter(Participant::connected).count()
                + agentSockets.stream().filter(Participant::connected).count();
        agentSockets.forEach(Participant::close);
        customerSockets.forEach(Participant::close);

        long[] measured = book.measured();
        ObjectNode r = run.results;
        r.put("customers", customers);
        r.put("agents", agentCount);
        r.put("sockets", customers + agentCount);
        r.put("socketsConnectedAtEnd", connectedAtEnd);
        r.put("targetRatePerSecond", rate);
        r.put("durationSeconds", duration);
        r.put("warmupSeconds", warmup);
        r.put("payloadBytes", content.length());
        r.put("setupSeconds", Sampler.round(setupSeconds));
        r.put("sent", measured[0]);
        r.put("acked", measured[1]);
        r.put("delivered", measured[2]);
        r.put("ackedPerSecond", Sampler.round(measured[1] / (double) duration));
        r.put("deliveriesPerSecond", Sampler.round(measured[2] / (double) duration));
        r.put("ownEchoes", book.ownEchoes.sum());
        ObjectNode latency = r.putObject("latency");
        latency.set("sendToReceive", Latencies.json(book.fromSend));
        latency.set("intendedToReceive", Latencies.json(book.fromIntended));
        latency.set("sendToAck", Latencies.json(book.ackLatency));
        book.check(run);
        run.scheduleLag = pacer.lateness;
        run.plotted.put("send → receive", book.fromSend);
        run.plotted.put("intended send → receive", book.fromIntended);
        run.plotted.put("send → ack", book.ackLatency);
        run.say("%d customers + %d agents on %d sockets, %.0f msg/s offered for %d s (payload %d B)", customers,
                agentCount, customers + agentCount, rate, duration, content.length());
        run.say("acked %.1f sends/s, delivered %.1f/s to the other side", measured[1] / (double) duration,
                measured[2] / (double) duration);
        run.say("send → receive:          %s", Latencies.line(book.fromSend));
        run.say("intended send → receive: %s", Latencies.line(book.fromIntended));
        run.say("send → ack:              %s", Latencies.line(book.ackLatency));
    }

    static List<Participant> connect(Run run, DeliveryBook book, List<Population.Person> people) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Participant>> futures = new ArrayList<>();
            for (Population.Person p : people) {
                futures.add(pool.submit(() -> new Participant(run.target.socketUrl(), p.id(), p.token(), book)));
            }
            List<Participant> connected = new ArrayList<>();
            for (Future<Participant> f : futures) connected.add(f.get());
            return connected;
        } finally {
            pool.shutdownNow();
        }
    }
}
