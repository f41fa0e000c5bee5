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
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Gives waiting chats to free agents, on the one node whose {@code chat-router} processor holds the segment.
 * Each round is one transaction that first renews that claim (so a node that lost it decides nothing, and no
 * other node can take it until the round commits), then reads the queue and the loads, and appends its
 * assignments (actor {@code system}) with the tables' new state: they commit together or not at all.
 */
@Component
@ConditionalOnProperty(name = "chat.auto-assign", havingValue = "true")
class Router implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Router.class);
    /** Assignments per transaction: each holds its chat's lock until the round commits. */
    private static final int ROUND = 20;
    private static final Set<String> ROUTABLE_ROLES = Set.of("agent", "admin");

    private final RoutingTables tables;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final RoutingProperties properties;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService thread;

    Router(RoutingTables tables, CommandGateway commands, QueryGateway queries, TokenStore tokens,
           TransactionManager transactions, ObjectProvider<EventProcessingConfiguration> processing,
           RoutingProperties properties) {
        this.tables = tables;
        this.commands = commands;
        this.queries = queries;
        this.tokens = tokens;
        this.transactions = transactions;
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
        DefaultUnitOfWork<?> round = DefaultUnitOfWork.startAndGet(null);
        round.attachTransaction(transactions);
        ResultMessage<Integer> result = round.executeWithResult(() -> {
            // The lock: fails unless this node still owns the segment, and holds the claim row until commit.
            tokens.extendClaim(RoutingConfig.PROCESSOR, RoutingConfig.SEGMENT);
            return assign(candidates);
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("routing round rolled back", result.exceptionResult());
        }
        return result.getPayload();
    }

    private int assign(List<Candidate> candidates) {
        Map<String, Integer> loads = tables.loads(candidates.stream().map(c -> c.agentId).toList());
        candidates.forEach(c -> c.load = loads.getOrDefault(c.agentId, 0));
        Map<String, Candidate> byId = candidates.stream().collect(Collectors.toMap(c -> c.agentId, c -> c));
        int decided = 0;
        for (RoutedChat chat : tables.waiting(ROUND)) {
            Candidate best = AgentChoice.pick(candidates).orElse(null);
            // Nobody free: the oldest chat waits at the head, and so does everyone behind it.
            if (best == null) break;
            decided++;
            ChatChanged changed = commands.sendAndWait(
                    new AssignAgentCommand(chat.chatId(), Actor.system(), best.agentId, best.name));
            ChatState state = changed.state();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            // Whatever the chat's holder now is (ours, or one this node had not yet heard of), it counts.
            tables.update(chat.with(state.status(), state.agentId(), changed.version(), now));
            Candidate holder = state.agentId() == null ? null : byId.get(state.agentId());
            if (holder != null && state.status().isActive()) {
                holder.took(now);
                tables.assigned(holder.agentId, now);
            }
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
