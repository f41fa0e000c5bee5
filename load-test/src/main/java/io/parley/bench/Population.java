package io.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The people of a run, made through the REST API like real clients: agents created by the admin and logged in,
 * customers registered, each customer's chat started and taken by an agent. Names carry a run id, so runs against
 * one server never collide.
 */
final class Population {
    static final String PASSWORD = "bench-password-1";

    /** A logged-in person. */
    record Person(String id, String token, String role) {
    }

    /** A chat between a customer and the agent holding it. */
    record Chat(String id, Person customer, Person agent) {
    }

    private final Rest rest;
    private final String adminToken;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final int parallelism;
    private final AtomicInteger numbers = new AtomicInteger();

    Population(Rest rest, String adminToken, int parallelism) {
        this.rest = rest;
        this.adminToken = adminToken;
        this.parallelism = parallelism;
    }

    List<Person> agents(int count) {
        return parallel(count, n -> {
            int i = numbers.incrementAndGet();
            String email = "agent-" + runId + "-" + i + "@bench.parley.local";
            String id = rest.createStaff(adminToken, "Agent " + i, email, PASSWORD, "agent");
            return new Person(id, rest.login(email, PASSWORD), "agent");
        });
    }

    List<Person> customers(int count) {
        return parallel(count, n -> {
            int i = numbers.incrementAndGet();
            String[] registered = rest.register("Customer " + i, "customer-" + runId + "-" + i
                    + "@bench.parley.local", PASSWORD);
            return new Person(registered[1], registered[0], "user");
        });
    }

    /** Starts one chat per customer; with agents, chat i is taken by agent i mod A. */
    List<Chat> chats(List<Person> customers, List<Person> agents) {
        return parallel(customers.size(), i -> {
            Person customer = customers.get(i);
            String chatId = rest.post("/api/chats", customer.token(), Map.of("message", "Hello, I need help",
                    "subject", "Benchmark chat " + i)).expect(201).data().path("chat").path("id").asText();
            Person agent = agents.isEmpty() ? null : agents.get(i % agents.size());
            if (agent != null) rest.post("/api/chats/" + chatId + "/assign", agent.token(), null).expect(200);
            return new Chat(chatId, customer, agent);
        });
    }

    private <T> List<T> parallel(int count, IntFunction<T> make) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, count)));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> make.apply(n)));
            }
            List<T> made = new ArrayList<>();
            for (Future<T> f : futures) made.add(f.get());
            return made;
        } catch (Exception e) {
            throw new IllegalStateException("setting up the population failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }
}
