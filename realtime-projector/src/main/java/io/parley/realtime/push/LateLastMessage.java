package io.parley.realtime.push;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.shared.command.ChatState;
import io.parley.shared.query.ChatSidesView;
import io.parley.shared.query.FetchChatSidesQuery;
import io.parley.shared.query.MessageView;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * The last message of a chat this node did not commit it for (another node did, or it was before a restart):
 * read from the read models on an executor of its own, so the chat's lane never waits for it. An answer older
 * than an inbox update already sent for the chat is dropped, so a late read never shows a stale inbox.
 */
@Component
class LateLastMessage {
    private static final Logger log = LoggerFactory.getLogger(LateLastMessage.class);

    private final QueryGateway queries;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final Cache<String, Long> sentVersions = Caffeine.newBuilder()
            .maximumSize(LastMessages.MAX_CHATS).build();

    LateLastMessage(QueryGateway queries) {
        this.queries = queries;
        // Bounded: under a flood of look-ups an update is skipped (logged) rather than memory growing.
        executor.setThreadNamePrefix("inbox-read-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(10_000);
        executor.setDaemon(true);
        executor.initialize();
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** An inbox update of {@code state} went out without a look-up. */
    void sentAt(ChatState state) {
        sentVersions.asMap().merge(state.chatId(), state.version(), Math::max);
    }

    void lookUp(ChatState state, Consumer<MessageView> send) {
        try {
            executor.execute(() -> {
                try {
                    ChatSidesView sides = queries.query(new FetchChatSidesQuery(state.chatId(), state.version()),
                            ChatSidesView.class).join();
                    Long sent = sentVersions.asMap().merge(state.chatId(), state.version(), Math::max);
                    if (sent == state.version()) send.accept(sides.staff().lastMessage());
                } catch (RuntimeException e) {
                    log.warn("could not read the last message of chat {} for its inbox update", state.chatId(), e);
                }
            });
        } catch (RuntimeException e) {
            log.warn("inbox look-ups are overloaded; the update of chat {} is skipped", state.chatId(), e);
        }
    }
}
