package io.parley.bench;

import java.util.List;

/** The Parley server of the run: people and chats made through its REST API, sampled as the run's timeline. */
final class ParleyStack implements Stack {
    private final Run run;
    private final Population people;

    ParleyStack(Run run) {
        this.run = run;
        this.people = new Population(run.rest, run.adminToken, 4);
    }

    @Override
    public String name() {
        return "Parley";
    }

    @Override
    public String socketUrl() {
        return run.target.socketUrl();
    }

    @Override
    public List<Population.Person> agents(int count) {
        return people.agents(count);
    }

    @Override
    public List<Population.Person> customers(int count) {
        return people.customers(count);
    }

    @Override
    public List<Population.Chat> chats(List<Population.Person> customers, List<Population.Person> agents) {
        return people.chats(customers, agents);
    }

    @Override
    public Sampler sampler() {
        return run.sample();
    }

    @Override
    public String heapSource() {
        return Run.PARLEY_HEAP;
    }
}
