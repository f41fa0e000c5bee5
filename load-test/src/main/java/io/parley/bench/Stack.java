package io.parley.bench;

import java.util.List;

/**
 * A server a scenario's load runs against, Parley or the bare baseline: how its people and chats are made, where
 * their sockets connect, and how its process is sampled.
 */
interface Stack {
    /** "Parley" or "bare", as the summary names it. */
    String name();

    String socketUrl();

    List<Population.Person> agents(int count);

    List<Population.Person> customers(int count);

    /** One chat per customer; with agents, chat i is held by agent i mod A. */
    List<Population.Chat> chats(List<Population.Person> customers, List<Population.Person> agents);

    /** A timeline of the server's process, CPU, RSS and heap, once a second. */
    Sampler sampler();

    /** Where the sampled heap comes from, for the report. */
    String heapSource();
}
