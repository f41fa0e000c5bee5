package io.parley.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain rule as the contract states it, checked against a canonical form written out by hand. */
class AuditChainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theHashIsSha256OfPrevHashAndTheCanonicalEventWithoutItsHash() throws Exception {
        String prev = "ab".repeat(32);
        ObjectNode event = (ObjectNode) JSON.readTree("""
                { "type": "MessageSent", "chatId": "c-1", "sequence": 1,
                  "payload": {"seq": 2, "content": "é ✓", "attachmentIds": [], "b": null, "a": 1.0},
                  "prevHash": "%s", "hash": "whatever is here is left out" }""".formatted(prev));
        // RFC 8785 by hand: keys sorted, no whitespace, 1.0 written as 1, non-ASCII as UTF-8.
        String canonical = "{\"chatId\":\"c-1\",\"payload\":{\"a\":1,\"attachmentIds\":[],\"b\":null,"
                + "\"content\":\"é ✓\",\"seq\":2},\"prevHash\":\"" + prev + "\",\"sequence\":1,\"type\":\"MessageSent\"}";
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(prev.getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(AuditChain.hash(event)).isEqualTo(expected).matches("[0-9a-f]{64}");
        event.put("sequence", 2);
        assertThat(AuditChain.hash(event)).isNotEqualTo(expected);
    }

    @Test
    void aLinkedEventCarriesTheHashOfItsOwnPrintedForm() {
        AuditEvent linked = AuditChain.link(StoredEvents.event("c-1", 0, 7, "io.parley.shared.event.ChatStartedEvent",
                Instant.parse("2026-11-21T10:30:00.123456Z"), Map.of("actorId", "u-1", "actorRole", "user"),
                "{\"chatId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8), AuditChain.GENESIS, null));
        assertThat(linked.type()).isEqualTo("ChatStarted");
        assertThat(linked.occurredAt()).isEqualTo("2026-11-21T10:30:00.123Z");
        assertThat(linked.actor()).isEqualTo(new AuditActor("u-1", "user", null));
        // What the API prints, read back as a client would, verifies against its own hash.
        ObjectNode printed = JSON.valueToTree(linked);
        assertThat(AuditChain.hash(printed)).isEqualTo(linked.hash());
    }
}
