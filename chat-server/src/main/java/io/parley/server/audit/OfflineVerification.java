package io.parley.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar chat-server.jar verify <export.ndjson>}: re-checks every chat's hash chain in an export of
 * {@code GET /api/audit/events}, without a server or database. Prints one line per chat (and the first broken
 * sequence of a broken one); exit code 0 when every chain holds, 1 when one does not or the file cannot be read,
 * 2 for a wrong command line. An export that starts in the middle of a chat (afterPosition, from) is checked from
 * its first event there on.
 */
public final class OfflineVerification {

    private OfflineVerification() {
    }

    public static int run(List<String> args, PrintStream out) {
        if (args.size() != 1) {
            out.println("usage: java -jar chat-server.jar verify <export.ndjson>");
            return 2;
        }
        Map<String, Trail> chats = new LinkedHashMap<>();
        long line = 0;
        try (BufferedReader reader = Files.newBufferedReader(Path.of(args.get(0)), StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) continue;
                JsonNode event;
                try {
                    event = AuditChain.JSON.readTree(text);
                } catch (IOException e) {
                    event = null;
                }
                if (!(event instanceof ObjectNode node) || !node.path("chatId").isTextual()
                        || !node.path("sequence").canConvertToLong()) {
                    out.println("line " + line + ": not an audit event");
                    return 1;
                }
                chats.computeIfAbsent(node.get("chatId").asText(), id -> new Trail()).next(node);
            }
        } catch (IOException e) {
            out.println("cannot read " + args.get(0) + ": " + e.getMessage());
            return 1;
        }
        long broken = 0;
        for (Map.Entry<String, Trail> chat : chats.entrySet()) {
            Trail trail = chat.getValue();
            if (trail.firstBroken == null) {
                out.println("chat " + chat.getKey() + ": " + trail.events + " events, chain valid");
            } else {
                broken++;
                out.println("chat " + chat.getKey() + ": " + trail.events + " events, first broken sequence "
                        + trail.firstBroken);
            }
        }
        out.println(chats.size() + " chats, " + broken + " broken");
        return broken == 0 ? 0 : 1;
    }

    /** What one chat's events so far in the file say. */
    private static final class Trail {
        long events;
        Long lastSequence;
        String lastHash;
        Long firstBroken;

        void next(ObjectNode event) {
            events++;
            long sequence = event.get("sequence").asLong();
            String prevHash = event.path("prevHash").asText(null);
            String hash = event.path("hash").asText(null);
            boolean linked = lastSequence == null
                    ? sequence != 0 || AuditChain.GENESIS.equals(prevHash)
                    : sequence == lastSequence + 1 && lastHash != null && lastHash.equals(prevHash);
            if (firstBroken == null && (!linked || hash == null || !hash.equals(AuditChain.hash(event)))) {
                firstBroken = lastSequence == null ? sequence : Math.min(sequence, lastSequence + 1);
            }
            lastSequence = sequence;
            lastHash = hash;
        }
    }
}
