package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code connections}: ramps connected idle sockets up to N, keeps 1% of N chatting (customers and agents on the
 * official client, open loop at R msg/s), and reports how many held, the server's heap and RSS, and the active
 * sockets' latency. Idle sockets reuse the tokens of a small pool of users (registering N users would be
 * bcrypt-bound) and are held by the official Node.js client ({@link NodeIdleSockets}; {@code --idle-client
 * official} uses the official Java client instead, which needs threads per socket).
 */
final class ConnectionsScenario implements Scenario {

    @Override
    public void run(Run run) throws Exception {
        BenchOptions o = run.options;
        int target = o.integer("connections", 2000);
        double activePercent = o.decimal("active-percent", 1);
        double rate = o.decimal("rate", 20);
        int rampPerSecond = o.integer("ramp-per-second", 500);
        int poolSize = o.integer("users", 50);
        String client = o.text("idle-client", "node");
        int duration = o.duration();
        String content = Content.of(o.integer("payload", 64));

        int active = Math.max(2, (int) Math.round(target * activePercent / 100));
        int agentCount = Math.max(1, active / 11);
        int customers = active - agentCount;
        int idleWanted = Math.max(0, target - active);
        Population people = new Population(run.rest, run.adminToken, 4);
        run.progress("%d active sockets (%d customers, %d agents), %d idle from a pool of %d users", active,
                customers, agentCount, idleWanted, poolSize);
        List<Population.Person> agents = people.agents(agentCount);
        List<Population.Chat> chats = people.chats(people.customers(customers), agents);
        List<Population.Person> pool = people.customers(Math.min(poolSize, Math.max(1, idleWanted)));
        DeliveryBook book = new DeliveryBook();
        List<Participant> agentSockets = ChatScenario.connect(run, book, agents);
        List<Participant> customerSockets = ChatScenario.connect(run, book,
                chats.stream().map(Population.Chat::customer).toList());
        for (int i = 0; i < chats.size(); i++) {
            customerSockets.get(i).join(chats.get(i).id());
            agentSockets.get(i % agentCount).join(chats.get(i).id());
        }

        LongAdder opened = new LongAdder();
        Sampler sampler = run.sample().count("sockets opened", opened::sum).count("acked sends", book.acked::sum)
                .count("deliveries", book.deliveries::sum).start();
        Histogram connectLatency = new ConcurrentHistogram(DeliveryBook.MAX_MICROS, 3);
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        run.progress("ramping %d idle sockets at %d/s (%s client)", idleWanted, rampPerSecond, client);
        long rampStart = System.nanoTime();
        List<String> tokens = pool.stream().map(Population.Person::token).toList();
        IdleSockets idle = client.equals("official")
                ? OfficialIdleSockets.start(run.target.socketUrl(), tokens, idleWanted, rampPerSecond,
                connectLatency, opened, failures)
                : NodeIdleSockets.start(run.target.socketUrl(), tokens, idleWanted, rampPerSecond, run.options.out,
                connectLatency, opened, failures);
        long[] ramped = idle.ramped().get(idleWanted / rampPerSecond + 120L, TimeUnit.SECONDS);
        long failed = ramped[1];
        double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
        int connected = (int) ramped[0] + active;
        run.progress("%d sockets connected (%d idle) after %.1f s; chatting %d s at %.0f msg/s", connected,
                ramped[0], rampSeconds, duration, rate);
        long rssFull = run.target.pid() > 0 ? ProcStats.rssBytes(run.target.pid()) : -1;
        long heapFull = run.rest.heapUsed(run.adminToken);

        String runId = UUID.randomUUID().toString().substring(0, 8);
        Pacer pacer = new Pacer(rate);
        book.measuring(true);
        pacer.run(duration, 0, (i, due) -> {
            int chat = (int) ((i / 2) % chats.size());
            Participant from = i % 2 == 0 ? customerSockets.get(chat) : agentSockets.get(chat % agentCount);
            from.send(chats.get(chat).id(), content, runId + "-" + i, due);
        });
        book.measuring(false);
        book.drain(15_000);
        long held = idle.open()
                + agentSockets.stream().filter(Participant::connected).count()
                + customerSockets.stream().filter(Participant::connected).count();
        long rssEnd = run.target.pid() > 0 ? ProcStats.rssBytes(run.target.pid()) : -1;
        long heapEnd = run.rest.heapUsed(run.adminToken);
        long serverThreads = run.target.pid() > 0 ? ProcStats.threads(run.target.pid()) : -1;
        double idleClientCpu = idle.pid() > 0 ? ProcStats.cpuSeconds(idle.pid()) : -1;
        long idleClientRss = idle.pid() > 0 ? ProcStats.rssBytes(idle.pid()) : -1;
        sampler.close();
        idle.close();
        agentSockets.forEach(Participant::close);
        customerSockets.forEach(Participant::close);

        ObjectNode r = run.results;
        r.put("targetConnections", target);
        r.put("activeSockets", active);
        r.put("idleClient", client);
        r.put("tokenPoolUsers", pool.size());
        r.put("connected", connected);
        r.put("heldAtEnd", held);
        r.put("connectFailures", failed);
        r.put("rampSeconds", Sampler.round(rampSeconds));
        r.set("connectLatency", Latencies.json(connectLatency));
        r.put("serverRssBytesAtFull", rssFull);
        r.put("serverRssBytesAtEnd", rssEnd);
        r.put("serverHeapUsedBytesAtFull", heapFull);
        r.put("serverHeapUsedBytesAtEnd", heapEnd);
        r.put("serverThreads", serverThreads);
        r.put("harnessThreads", ProcStats.harnessThreads());
        // The Node.js process holding the idle sockets is part of the generator: its CPU counts against it too.
        r.put("idleClientCpuSeconds", Sampler.round(idleClientCpu));
        r.put("idleClientRssBytes", idleClientRss);
        r.put("openFileLimit", OpenFiles.limit());
        r.put("activeRatePerSecond", rate);
        long[] measured = book.measured();
        r.put("acked", measured[1]);
        r.put("delivered", measured[2]);
        r.set("activeLatency", Latencies.json(book.fromSend));
        r.set("activeIntendedLatency", Latencies.json(book.fromIntended));
        book.check(run);
        run.check("droppedConnections", connected - held);
        run.scheduleLag = pacer.lateness;
        run.plotted.put("active send → receive", book.fromSend);
        run.plotted.put("connect (idle sockets)", connectLatency);
        if (!failures.isEmpty()) run.notes.add("connect failures by cause: " + failures);
        run.notes.add("idle sockets reuse the tokens of " + pool.size() + " users (registering one user per socket"
                + " would measure bcrypt); each process may hold at most " + OpenFiles.limit() + " open files");
        run.say("target %d sockets: %d connected, %d held to the end, %d connect failures (ramp %.1f s)", target,
                connected, held, failed, rampSeconds);
        run.say("server at full: RSS %d MiB, heap used %d MiB, %d threads", rssFull >> 20, heapFull >> 20,
                serverThreads);
        if (idleClientCpu >= 0) {
            run.say("idle-socket client (node): %.1f s of CPU over the run, RSS %d MiB", idleClientCpu,
                    idleClientRss >> 20);
        }
        run.say("active (%d sockets, %.0f msg/s): %s", active, rate, Latencies.line(book.fromSend));
    }
}
