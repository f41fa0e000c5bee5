package io.parley.server.query;

import io.parley.shared.Actor;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.PointerMoved;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.FetchMessageQuery;
import io.parley.shared.query.MediaView;
import io.parley.shared.query.MessageView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat's history: every message in seq order, exactly as sent, with read receipts. */
abstract class MessageQueryTests extends QueryScenario {

    @Test
    void theHistoryShowsEveryMessageIncludingSystemNoticesInSeqOrder() {
        Actor carla = customer("Carla");
        Actor alice = agent("Alice");
        String chatId = start(carla, "Hello").chatId();
        assign(chatId, alice);
        MessageAccepted reply = send(chatId, alice, "How can I help?");

        List<MessageView> history = messages(chatId, carla, null, null, 50, reply.version());

        assertThat(history).extracting(MessageView::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(history).extracting(MessageView::senderType).containsExactly("user", "system", "system", "agent");
        assertThat(history.get(1).content()).isEqualTo("Alice joined the chat");
        assertThat(history.get(2).content()).isEqualTo("Status changed from open to in_progress");
        assertThat(history.get(3).senderName()).isEqualTo("Alice");
        assertThat(history.get(3).senderId()).isEqualTo(alice.id());
        assertThat(history.get(3).id()).isEqualTo(reply.messageId());
        assertThat(history).allMatch(message -> message.chatId().equals(chatId));
        // Replying means Alice had read Carla's message; notices are never "read".
        assertThat(history.get(0).readAt()).isNotNull();
        assertThat(history.get(1).readAt()).isNull();
        assertThat(history.get(2).readAt()).isNull();
    }

    @Test
    void contentAttachmentsAndClientIdComeBackExactlyAsSent() {
        Actor carla = customer("Carla");
        String chatId = start(carla, "start").chatId();
        String markup = "<b>bold</b> & \"quotes\" 'single' <script>alert(1)</script>\n\ttab 😀 ünïcödé";
        String longest = "😀".repeat(4000);
        String clientId = UUID.randomUUID().toString();

        String photo = uploaded(carla, "photo.png", "image/png", 1234);
        String manual = uploaded(carla, "manual, v2.pdf", "application/pdf", 5678);
        MessageAccepted sent = send(chatId, carla, markup, List.of(photo, manual), clientId);
        MessageAccepted big = send(chatId, carla, longest, List.of(), null);

        MessageView message = message(chatId, sent.seq(), carla, sent.version());
        assertThat(message.content()).isEqualTo(markup);
        assertThat(message.clientMessageId()).isEqualTo(clientId);
        assertThat(message.attachments()).containsExactly(
                new MediaView(photo, "photo.png", "image/png", 1234, "/api/media/" + photo,
                        "/api/media/" + photo + "/thumbnail"),
                new MediaView(manual, "manual, v2.pdf", "application/pdf", 5678, "/api/media/" + manual, null));
        assertThat(message(chatId, big.seq(), carla, big.version()).content()).isEqualTo(longest);
    }

    @Test
    void aMessageIsReadWhenTheOtherSideFirstReadsUpToIt() {
        Actor carla = customer("Carla");
        Actor alice = agent("Alice");
        String chatId = start(carla, "one").chatId();
        assign(chatId, alice);
        send(chatId, carla, "two");
        send(chatId, carla, "three");

        PointerMoved firstRead = markRead(chatId, alice, 4L);
        List<MessageView> afterFirst = messages(chatId, carla, null, null, 50, firstRead.version());
        assertThat(afterFirst).extracting(MessageView::readAt)
                .containsExactly(firstRead.at(), null, null, firstRead.at(), null);

        PointerMoved secondRead = markRead(chatId, alice, null);
        List<MessageView> afterSecond = messages(chatId, carla, null, null, 50, secondRead.version());
        assertThat(afterSecond.get(0).readAt()).isEqualTo(firstRead.at());
        assertThat(afterSecond.get(4).readAt()).isEqualTo(secondRead.at());

        MessageAccepted answer = send(chatId, alice, "answer");
        assertThat(message(chatId, answer.seq(), alice, answer.version()).readAt()).isNull();
        PointerMoved carlaRead = markRead(chatId, carla, null);
        assertThat(message(chatId, answer.seq(), alice, carlaRead.version()).readAt()).isEqualTo(carlaRead.at());
    }

    @Test
    void historyComesInWindowsAroundASeq() {
        Actor carla = customer("Carla");
        String chatId = start(carla, "m1").chatId();
        long version = 0;
        for (int i = 2; i <= 7; i++) version = send(chatId, carla, "m" + i).version();

        assertThat(seqs(messages(chatId, carla, 3L, null, 2, version))).containsExactly(4L, 5L);
        assertThat(seqs(messages(chatId, carla, null, 5L, 2, version))).containsExactly(3L, 4L);
        assertThat(seqs(messages(chatId, carla, null, null, 3, version))).containsExactly(5L, 6L, 7L);
        assertThat(seqs(messages(chatId, carla, 2L, 5L, 50, version))).containsExactly(3L, 4L);
        assertThat(messages(chatId, carla, 7L, null, 50, version)).isEmpty();
        assertThat(message(chatId, 6, carla, version).content()).isEqualTo("m6");
    }

    @Test
    void othersCannotReadTheHistoryAndUnknownMessagesAreNotFound() {
        Actor carla = customer("Carla");
        StartChatResult started = start(carla, "secret");
        String chatId = started.chatId();
        awaitProjected(chatId, started.version());

        assertRejected(() -> messages(chatId, customer("Mallory"), null, null, 50, 0), ErrorCode.NOT_FOUND);
        assertRejected(() -> message(chatId, 1, guest("Eve"), 0), ErrorCode.NOT_FOUND);
        assertRejected(() -> message(chatId, 99, carla, 0), ErrorCode.NOT_FOUND);
        assertRejected(() -> messages(UUID.randomUUID().toString(), carla, null, null, 50, 0), ErrorCode.NOT_FOUND);
        assertThat(messages(chatId, auditor(), null, null, 50, 0)).hasSize(1);
        assertRejected(() -> messages(chatId, carla, null, null, 201, 0), ErrorCode.VALIDATION_FAILED);
    }

    private MessageView message(String chatId, long seq, Actor viewer, long minVersion) {
        return ask(new FetchMessageQuery(chatId, seq, viewer, minVersion), ResponseTypes.instanceOf(MessageView.class));
    }

    private static List<Long> seqs(List<MessageView> messages) {
        return messages.stream().map(MessageView::seq).toList();
    }
}
