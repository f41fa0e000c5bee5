package io.parley.server.support;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators of hostile JSON for the fuzz suites: every JSON type in every field the API knows, strings with NUL,
 * lone surrogates and control characters, numbers no type holds, deep nesting, duplicate keys, broken syntax and
 * ill-formed UTF-8.
 */
public final class HostileJson {
    /** Every field name a request body or socket payload of the contract has. */
    public static final List<String> FIELDS = List.of("name", "email", "password", "role", "message", "subject",
            "category", "priority", "content", "attachmentIds", "clientMessageId", "agentId", "status",
            "resolutionSummary", "upToSeq", "chatId", "afterSeq", "isTyping", "tags", "score",
            "comment", "shortcode", "title");

    private HostileJson() {
    }

    /** A JSON string literal: plain, empty, too long, with NUL, lone surrogates, controls or markup. */
    public static Arbitrary<String> strings() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> words = Arbitraries.of("", " ", "open", "resolved", "closed", "in_progress", "pending",
                "admin", "agent", "guest", "user", "auditor", "high", "urgent", "x@example.com", "not-an-email",
                "<script>alert(1)</script>", "null", "true", "0", "-1", "TKT-2026-000001",
                "00000000-0000-0000-0000-000000000000", "../../etc/passwd", "%00", "a\u0000b", "\ud800", "\udfff",
                "x\ud83d", "\ud83d\udc4b", "\u202e", "\ufeff", "\t\r\n", "\u0007");
        Arbitrary<String> longOnes = Arbitraries.integers().between(3990, 5000).map("y"::repeat);
        return Arbitraries.frequencyOf(
                        Tuple.of(4, any), Tuple.of(4, words),
                        Tuple.of(1, longOnes))
                .map(HostileJson::quote);
    }

    /** Numbers as written on the wire, including ones no Java type holds. */
    public static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1", "-1", "1.5", "1e400", "-1e400", "9223372036854775808",
                        "-9223372036854775809", "123456789012345678901234567890", "2147483648", "1E2", "0.0"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N") && !d.contains("I")));
    }

    /** Any JSON value, nested at most {@code depth} levels. */
    public static Arbitrary<String> values(int depth) {
        Arbitrary<String> scalars = Arbitraries.oneOf(strings(), numbers(), Arbitraries.of("true", "false", "null"));
        if (depth <= 0) return scalars;
        Arbitrary<String> array = Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        return Arbitraries.frequencyOf(Tuple.of(6, scalars), Tuple.of(1, array),
                Tuple.of(2, Arbitraries.lazy(() -> objects(depth - 1))));
    }

    /** An object of known and unknown fields with values of any type; sometimes a key twice. */
    public static Arbitrary<String> objects(int depth) {
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(FIELDS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)));
        Arbitrary<String> entry = Combinators.combine(key, Arbitraries.lazy(() -> values(depth)))
                .as((k, v) -> quote(k) + ":" + v);
        return Combinators.combine(entry.list().ofMaxSize(6), Arbitraries.integers().between(0, 5))
                .as((entries, twice) -> {
                    List<String> all = new ArrayList<>(entries);
                    if (twice == 0 && !all.isEmpty()) all.add(all.get(0));
                    return "{" + String.join(",", all) + "}";
                });
    }

    /** A request body: mostly objects of the API's fields, else any value, broken JSON or extreme shapes. */
    public static Arbitrary<byte[]> bodies() {
        Arbitrary<String> broken = Arbitraries.of("", "{", "}", "{\"content\":", "{\"content\" \"x\"}", "[1,]",
                "{'content':'x'}", "{\"content\":\"x\",}", "NaN", "{\"upToSeq\": NaN}", "\u0000", "undefined",
                "{\"content\":\"x\"} trailing", "/* c */ {}", "\ufeff{}");
        Arbitrary<String> deep = Arbitraries.integers().between(900, 3000)
                .map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> huge = Arbitraries.integers().between(65 * 1024, 200 * 1024)
                .map(n -> "{\"content\":\"" + "z".repeat(n) + "\"}");
        Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(12, objects(2)),
                Tuple.of(3, values(2)), Tuple.of(3, broken),
                Tuple.of(1, deep), Tuple.of(1, huge));
        return Combinators.combine(text, Arbitraries.integers().between(0, 9), Arbitraries.of(
                        new byte[]{(byte) 0xC0, (byte) 0x80}, new byte[]{(byte) 0xFF},
                        new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xE2, (byte) 0x82}))
                .as((body, dice, bad) -> dice == 0 ? withBytes(body, bad) : body.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal of {@code raw}: NUL and lone surrogates escaped as \\u, so the JSON stays JSON. */
    public static String quote(String raw) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : raw.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || Character.isSurrogate(c)) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    /** Ill-formed UTF-8 inside a string value (or at the end of a body with none). */
    private static byte[] withBytes(String body, byte[] bad) {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        int at = body.indexOf('"') + 1;
        int split = at > 0 ? body.substring(0, at).getBytes(StandardCharsets.UTF_8).length : text.length;
        byte[] out = new byte[text.length + bad.length];
        System.arraycopy(text, 0, out, 0, split);
        System.arraycopy(bad, 0, out, split, bad.length);
        System.arraycopy(text, split, out, split + bad.length, text.length - split);
        return out;
    }
}
