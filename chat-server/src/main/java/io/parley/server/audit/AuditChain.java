package io.parley.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The chain rule of the contract, in one place for the store, the API and the offline check: {@code hash} =
 * lowercase hex SHA-256 of UTF-8({@code prevHash}) followed by the RFC 8785 form of the audit event without its
 * {@code hash}; the first event's {@code prevHash} is {@link #GENESIS}. Hashes are computed over the same JSON that
 * the API and the export print, so a printed event can be re-checked as it stands.
 */
public final class AuditChain {
    /** The {@code prevHash} of every chat's sequence 0. */
    public static final String GENESIS = "0".repeat(64);
    /** Writes audit events: nulls kept, payloads as stored (not the API's mapper, whose settings may change). */
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** An event's time as the contract prints times (UTC, milliseconds). */
    static String occurredAt(Instant timestamp) {
        return TIME.format(timestamp);
    }

    /** {@code io.parley.shared.event.MessageSentEvent} → {@code MessageSent}. */
    static String type(String payloadType) {
        String simple = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        return simple.endsWith("Event") && simple.length() > 5 ? simple.substring(0, simple.length() - 5) : simple;
    }

    /** The event with its {@code hash} computed from its {@code prevHash} and content. */
    static AuditEvent link(AuditEvent event) {
        return event.withHash(hash(JSON.valueToTree(event)));
    }

    /** The hash an audit event (given as JSON, with or without its own {@code hash}) must carry. */
    public static String hash(ObjectNode event) {
        ObjectNode unhashed = event.deepCopy();
        unhashed.remove("hash");
        String prevHash = unhashed.path("prevHash").asText("");
        try {
            byte[] canonical = new JsonCanonicalizer(JSON.writeValueAsString(unhashed)).getEncodedUTF8();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(canonical));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
