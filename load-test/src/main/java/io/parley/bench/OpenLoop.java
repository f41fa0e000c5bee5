package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

/**
 * The chat scenario's load on one stack: C customers each in a chat held by one of A agents, every person on a
 * socket of their own, both sides sending in turn per chat at a fixed total rate (open loop) for a warm-up and
 * then the measured seconds, then a bounded drain. Answers the figures of that stack and its delivery book.
 */
final class OpenLoop {
    /** The parameters, the same for Parley and the baseline. */
    record Load(int customers, int agents, double rate, int duration, int warmup, int drain, String content,
                long ackTimeoutMillis) {
    }

    /** What one stack did: its figures for the report, and the book and schedule behind them. */
    record Outcome(ObjectNode results, DeliveryBook book, Pacer pacer) {
    }

    private OpenLoop() {
    }

    /**
     * {@code --chats N} is N customers, each with an agent of their own unless {@code --agents} says otherwise;
     * without it {@code --customers} (20) and {@code --agents} (4).
     */
    static Load read(BenchOptions o) {
        boolean byChats = o.has("chats");
        int customers = byChats ? o.integer("chats", 20) : o.integer("customers", 20);
        int agents = o.has("agents") || !byChats ? o.integer("agents", 4) : customers;
        return new Load(customers, agents, o.decimal("rate", 50), o.duration(), o.integer("warmup", 5),
                o.integer("drain", 15), Content.of(o.integer("payload", 64)),
                Math.round(o.decimal("ack-timeout", 5) * 1000));
    }

    static Outcome drive(Run run, Stack stack, Load load) throws Exception {
        long setup = System.nanoTime();
        run.progress("%s: creating %d agents and %d customers with a chat each", stack.name(), load.agents(),
                load.customers());
        List<Population.Person> agents = stack.agents(load.agents());
        List<Population.Chat> chats = stack.chats(stack.customers(load.customers()), agents);
        DeliveryBook book = new DeliveryBook(load.ackTimeoutMillis());
        run.progress("%s: connecting %d sockets", stack.name(), load.customers() + load.agents());
        List<Participant> agentSockets = ChatScenario.connect(stack.socketUrl(), book, agents);
        List<Participant> customerSockets = ChatScenario.connect(stack.socketUrl(), book,
                chats.stream().map(Population.Chat::customer).toList());
        for (int i = 0; i < chats.size(); i++) {
            customerSockets.get(i).join(chats.get(i).id());
            agentSockets.get(i % load.agents()).join(chats.get(i).id());
        }
        double setupSeconds = (System.nanoTime() - setup) / 1e9;

        Sampler sampler = stack.sampler().count("acked sends", book.acked::sum)
                .count("deliveries", book.deliveries::sum).start();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Pacer pacer = new Pacer(load.rate());
        Pacer.Tick tick = (i, due) -> {
            int chat = (int) ((i / 2) % chats.size());
            Participant from = i % 2 == 0 ? customerSockets.get(chat) : agentSockets.get(chat % load.agents());
            from.send(chats.get(chat).id(), load.content(), runId + "-" + i, due);
        };
        run.progress("%s: warming up %d s at %.0f msg/s", stack.name(), load.warmup(), load.rate());
        long next = load.warmup() > 0 ? pacer.run(load.warmup(), 0, tick) : 0;
        book.measuring(true);
        run.progress("%s: measuring %d s at %.0f msg/s", stack.name(), load.duration(), load.rate());
        pacer.run(load.duration(), next, tick);
        book.measuring(false);
        run.progress("%s: draining (at most %d s)", stack.name(), load.drain());
        book.drain(load.drain() * 1000L);
        sampler.close();
        long connectedAtEnd = customerSockets.stream().filter(Participant::connected).count()
                + agentSockets.stream().filter(Participant::connected).count();
        agentSockets.forEach(Participant::close);
        customerSockets.forEach(Participant::close);
        return new Outcome(results(load, book, pacer, sampler.server(stack.heapSource()), setupSeconds,
                connectedAtEnd), book, pacer);
    }

    private static ObjectNode results(Load load, DeliveryBook book, Pacer pacer, ObjectNode server,
                                      double setupSeconds, long connectedAtEnd) {
        long[] measured = book.measured();
        ObjectNode r = Rest.JSON.createObjectNode();
        r.put("customers", load.customers());
        r.put("agents", load.agents());
        r.put("sockets", load.customers() + load.agents());
        r.put("socketsConnectedAtEnd", connectedAtEnd);
        r.put("targetRatePerSecond", load.rate());
        r.put("durationSeconds", load.duration());
        r.put("warmupSeconds", load.warmup());
        r.put("payloadBytes", load.content().length());
        r.put("ackTimeoutMillis", load.ackTimeoutMillis());
        r.put("setupSeconds", Sampler.round(setupSeconds));
        r.put("sent", measured[0]);
        r.put("acked", measured[1]);
        r.put("delivered", measured[2]);
        r.put("ackedPerSecond", Sampler.round(measured[1] / (double) load.duration()));
        r.put("deliveriesPerSecond", Sampler.round(measured[2] / (double) load.duration()));
        r.put("failed", book.failed());
        r.put("lost", book.undelivered());
        r.put("duplicated", book.duplicates.sum());
        r.put("outOfOrder", book.outOfOrder.sum());
        r.put("ownEchoes", book.ownEchoes.sum());
        ObjectNode latency = r.putObject("latency");
        latency.set("sendToReceive", Latencies.json(book.fromSend));
        latency.set("intendedToReceive", Latencies.json(book.fromIntended));
        latency.set("sendToAck", Latencies.json(book.ackLatency));
        r.put("scheduleLagP99Ms", Latencies.ms(pacer.lateness.getValueAtPercentile(99)));
        r.set("server", server);
        return r;
    }
}
