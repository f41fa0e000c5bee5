package io.parley.bench;

import org.json.JSONObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bare baseline as a scenario drives it: its people are plain ids (the token is the id, which bare reads as
 * the user), its chats are made with its {@code startChat} event, its heap is read over JMX.
 */
final class BareStack implements Stack {
    private final Run run;
    private final BareProcess bare;

    BareStack(Run run, BareProcess bare) {
        this.run = run;
        this.bare = bare;
    }

    @Override
    public String name() {
        return "bare";
    }

    @Override
    public String socketUrl() {
        return bare.socketUrl();
    }

    @Override
    public List<Population.Person> agents(int count) {
        return people("agent", count);
    }

    @Override
    public List<Population.Person> customers(int count) {
        return people("user", count);
    }

    private static List<Population.Person> people(String role, int count) {
        List<Population.Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = role + "-" + UUID.randomUUID();
            people.add(new Population.Person(id, id, role));
        }
        return people;
    }

    @Override
    public List<Population.Chat> chats(List<Population.Person> customers, List<Population.Person> agents) {
        List<Population.Chat> chats = new ArrayList<>();
        try (Participant setup = new Participant(socketUrl(), "bench-setup", "bench-setup", new DeliveryBook())) {
            for (int i = 0; i < customers.size(); i++) {
                JSONObject ack = setup.call("startChat", new JSONObject());
                String id = ack.optJSONObject("data").optJSONObject("chat").optString("id");
                chats.add(new Population.Chat(id, customers.get(i), agents.isEmpty() ? null
                        : agents.get(i % agents.size())));
            }
        }
        return chats;
    }

    @Override
    public Sampler sampler() {
        return run.adoptTimeline(new Sampler(bare.pid(), bare::heapUsed), heapSource());
    }

    @Override
    public String heapSource() {
        return JmxHeap.SOURCE;
    }

}
