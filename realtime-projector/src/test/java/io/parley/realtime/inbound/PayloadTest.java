package io.parley.realtime.inbound;

import io.parley.realtime.dispatch.InvalidPayloadException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Payload checks name every bad field at once, so a client fixes them in one go. */
class PayloadTest {

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> Payload.of("chat-1", "{chatId}")).isInstanceOf(InvalidPayloadException.class);
        assertThatThrownBy(() -> Payload.of(null, "{chatId}")).isInstanceOf(InvalidPayloadException.class);
    }

    @Test
    void everyProblemIsListed() {
        Payload payload = Payload.of(Map.of("afterSeq", -1, "attachmentIds", List.of(1, 2)), "{…}");
        payload.requiredId("chatId");
        payload.optionalSeq("afterSeq");
        payload.optionalIds("attachmentIds", 10);
        InvalidPayloadException e = catchThrowableOfType(InvalidPayloadException.class, payload::check);
        assertThat(e.problems()).extracting(p -> p.get("field")).containsExactly("chatId", "afterSeq", "attachmentIds");
    }

    @Test
    void goodValuesAreRead() {
        Payload payload = Payload.of(Map.of("chatId", "c-1", "afterSeq", 7, "isTyping", true,
                "attachmentIds", List.of("m-1")), "{…}");
        assertThat(payload.requiredId("chatId")).isEqualTo("c-1");
        assertThat(payload.optionalSeq("afterSeq")).isEqualTo(7L);
        assertThat(payload.requiredBoolean("isTyping")).isTrue();
        assertThat(payload.optionalIds("attachmentIds", 10)).containsExactly("m-1");
        assertThat(payload.optionalText("clientMessageId", 100)).isNull();
        payload.check();
    }

    @Test
    void fractionsAndStringsAreNotSeqs() {
        Payload payload = Payload.of(Map.of("a", 1.5, "b", "3"), "{…}");
        assertThat(payload.optionalSeq("a")).isNull();
        assertThat(payload.optionalSeq("b")).isNull();
        assertThatThrownBy(payload::check).isInstanceOf(InvalidPayloadException.class);
    }
}
