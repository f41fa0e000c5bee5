package io.parley.command.routing;

import io.parley.command.routing.AgentChoice.Candidate;
import io.parley.command.routing.RoutingTables.OnlineAgent;
import io.parley.command.routing.RoutingTables.RoutedChat;
import io.parley.shared.Actor;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.command.ChatState;
import io.parley.shared.query.AccountView;
import io.parley.shared.query.FetchAccountQuery;
import io.parley.shared.query.FetchConnectedQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Gives waiting chats to free agents, on the one node whose {@code chat-router} processor holds the segment:
 * oldest waiting first, each to the least-loaded online agent below capacity. Each assignment is an ordinary
 * command (actor {@code system}) whose transaction renews that claim and records the outcome in the router's
 * tables ({@link RoutedAssignments}), so a node that lost the claim assigns nothing.
 */
@Component
@ConditionalOnProperty(name = "chat.auto-assign", havingValue = "true")
class Router implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Router.class);
    /** Assignments decided on one read of the queue and the loads. */
    private static final int ROUND = 20;
    private static final Set<String> ROUTABLE_ROLES = Set.of("agent", "admin");

    private final RoutingTables tables;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final RoutingProperties properties;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService thread;

    Router(RoutingTables tables, CommandGateway commands, QueryGateway queries,
           ObjectProvider<EventProcessingConfiguration> processing,
           RoutingProperties properties) {
        this.tables = tables;
        this.commands = commands;
        this.queries = queries;
        this.processing = processing;
        this.properties = properties;
    }

    /** Something changed (an event batch committed): route soon, on the router's thread. */
    void wake() {
        ScheduledExecutorService current = thread;
        if (current != null && wakePending.compareAndSet(false, true)) {
            current.execute(this::routeQuietly);
        }
    }

    private void routeQuietly() {
        wakePending.set(false);
        try {
            route();
        } catch (RuntimeException e) {
            log.warn("auto-assignment round failed, the next one retries: {}", e.toString());
        }
    }

    /** Rounds until the queue is empty, nobody is free, or this node is not the router. */
    void route() {
        while (owns() && tables.anyWaiting()) {
            if (routeOnce() < ROUND) return;
        }
    }

    /** True while this node's processor holds the segment and has caught up with the events. */
    private boolean owns() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) return false;
        return config.eventProcessor(RoutingConfig.PROCESSOR, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().get(RoutingConfig.SEGMENT))
                .filter(EventTrackerStatus::isCaughtUp)
                .filter(status -> !status.isErrorState())
                .isPresent();
    }

    private int routeOnce() {
        // Asked outside the transaction: accounts and sockets are other modules' answers, not routing state.
        List<OnlineAgent> online = tables.onlineAgents();
        List<Candidate> candidates = new ArrayList<>();
        for (OnlineAgent agent : online) {
            AccountView account = queries.query(new FetchAccountQuery(agent.agentId()), AccountView.class).join();
            if (account == null || !account.active() || !ROUTABLE_ROLES.contains(account.role())
                    || account.capacity() == null) continue;
            Boolean connected = queries.query(new FetchConnectedQuery(agent.agentId()), Boolean.class).join();
            if (!Boolean.TRUE.equals(connected)) continue;
            Instant idle = agent.lastAssignedAt() != null ? agent.lastAssignedAt() : agent.onlineSince();
            candidates.add(new Candidate(agent.agentId(), account.name(), account.capacity(), 0, idle));
        }
        if (candidates.isEmpty()) return 0;
        Map<String, Integer> loads = tables.loads(candidates.stream().map(c -> c.agentId).toList());
        candidates.forEach(c -> c.load = loads.getOrDefault(c.agentId, 0));
        Map<String, Candidate> byId = candidates.stream().collect(Collectors.toMap(c -> c.agentId, c -> c));
        int decided = 0;
        for (RoutedChat chat : tables.waiting(ROUND)) {
            Candidate best = AgentChoice.pick(candidates).orElse(null);
            // Nobody free: the oldest chat waits at the head, and so does everyone behind it.
            if (best == null) break;
            decided++;
            // An ordinary assignment with actor system; RoutedAssignments renews the claim in its transaction.
            ChatChanged changed = commands.sendAndWait(
                    new AssignAgentCommand(chat.chatId(), Actor.system(), best.agentId, best.name));
            ChatState state = changed.state();
            Candidate holder = state.agentId() == null ? null : byId.get(state.agentId());
            if (holder != null && state.status().isActive()) holder.took(Instant.now());
        }
        return decided;
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                RoutingConfig.daemons("chat-router"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long tick = Math.max(50, properties.autoAssignTick().toMillis());
        executor.scheduleWithFixedDelay(this::routeQuietly, tick, tick, TimeUnit.MILLISECONDS);
        thread = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = thread;
        thread = null;
        if (current == null) return;
        current.shutdown();
        try {
            current.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops before Axon's processors and the database go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
