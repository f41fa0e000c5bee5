package io.parley.server.query;

import io.parley.server.ChatServerApplication;
import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.command.ChangeStatusCommand;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.command.CloseChatCommand;
import io.parley.shared.command.MarkReadCommand;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.PointerMoved;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchChatQuery;
import io.parley.shared.query.FetchInboxQuery;
import io.parley.shared.query.FetchMessagesQuery;
import io.parley.shared.query.FetchMyChatsQuery;
import io.parley.shared.query.FetchUnreadCountsQuery;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.UnreadCountsView;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Drives real commands through Axon and reads the answers through the query gateway, as the REST and socket
 * sides do. Every test makes its own people and chats: the context and its database are shared.
 */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chat.read-your-writes-timeout=30s")
abstract class QueryScenario {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;

    static Actor customer(String name) {
        return new Actor(UUID.randomUUID().toString(), Role.USER, name);
    }

    static Actor guest(String name) {
        return new Actor(UUID.randomUUID().toString(), Role.GUEST, name);
    }

    static Actor agent(String name) {
        return new Actor(UUID.randomUUID().toString(), Role.AGENT, name);
    }

    static Actor admin(String name) {
        return new Actor(UUID.randomUUID().toString(), Role.ADMIN, name);
    }

    static Actor auditor() {
        return new Actor(UUID.randomUUID().toString(), Role.AUDITOR, "Audrey");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    StartChatResult start(Actor customer, String subject, String category, Priority priority, String content) {
        return commands.sendAndWait(new StartChatCommand(UUID.randomUUID().toString(), customer,
                customer.name().toLowerCase() + "@example.com", subject, category, priority,
                UUID.randomUUID().toString(), content, List.of(), null));
    }

    StartChatResult start(Actor customer, String content) {
        return start(customer, "Help needed", "general", Priority.MEDIUM, content);
    }

    MessageAccepted send(String chatId, Actor sender, String content) {
        return send(chatId, sender, content, List.of(), null);
    }

    MessageAccepted send(String chatId, Actor sender, String content, List<String> attachments, String clientId) {
        return commands.sendAndWait(new SendMessageCommand(chatId, sender, UUID.randomUUID().toString(), content,
                attachments, clientId));
    }

    ChatChanged assign(String chatId, Actor agent) {
        return commands.sendAndWait(new AssignAgentCommand(chatId, agent, null, null));
    }

    ChatChanged changeStatus(String chatId, Actor by, ChatStatus status, String summary) {
        return commands.sendAndWait(new ChangeStatusCommand(chatId, by, status, summary));
    }

    ChatChanged close(String chatId, Actor by, String summary) {
        return commands.sendAndWait(new CloseChatCommand(chatId, by, summary));
    }

    PointerMoved markRead(String chatId, Actor reader, Long upToSeq) {
        return commands.sendAndWait(new MarkReadCommand(chatId, reader, upToSeq));
    }

    ChatView chat(String chatId, Actor viewer, long minVersion) {
        return ask(new FetchChatQuery(chatId, viewer, minVersion), ResponseTypes.instanceOf(ChatView.class));
    }

    List<MessageView> messages(String chatId, Actor viewer, Long afterSeq, Long beforeSeq, int limit,
                               long minVersion) {
        return ask(new FetchMessagesQuery(chatId, viewer, afterSeq, beforeSeq, limit, minVersion),
                ResponseTypes.multipleInstancesOf(MessageView.class));
    }

    ChatPage inbox(Actor viewer, List<String> statuses, String assignee, String priority, String category,
                   String q, int page, int limit) {
        return ask(new FetchInboxQuery(viewer, statuses, assignee, priority, category, q, page, limit),
                ResponseTypes.instanceOf(ChatPage.class));
    }

    ChatPage inboxOfCategory(Actor viewer, String category) {
        return inbox(viewer, List.of(), null, null, category, null, 1, 100);
    }

    ChatPage myChats(Actor viewer, int page, int limit) {
        return ask(new FetchMyChatsQuery(viewer, page, limit), ResponseTypes.instanceOf(ChatPage.class));
    }

    UnreadCountsView unreadCounts(Actor viewer) {
        return ask(new FetchUnreadCountsQuery(viewer), ResponseTypes.instanceOf(UnreadCountsView.class));
    }

    /** Lists read no particular version; this waits until a chat's latest write is in every read model. */
    void awaitProjected(String chatId, long version) {
        chat(chatId, admin("Waiter"), version);
    }

    static List<String> ids(ChatPage page) {
        return page.items().stream().map(ChatView::id).toList();
    }

    static void assertRejected(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ChatRejectedException.class);
        assertThat(((ChatRejectedException) thrown).code()).isEqualTo(code);
    }

    /** Asks through the gateway and rethrows a handler's rejection as itself, as an in-process caller sees it. */
    <R> R ask(Object query, ResponseType<R> type) {
        try {
            return queries.query(query, type).get();
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Media as an upload records it (the upload itself is MediaTests' subject). */
    String uploaded(Actor uploader, String name, String type, long size) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO media (id, uploader_id, uploader_role, name, content_type, size_bytes, sha256,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", id, uploader.id(),
                uploader.role().wire(), name, type, size, "0".repeat(64));
        return id;
    }

    @Autowired
    JdbcTemplate jdbc;
}
