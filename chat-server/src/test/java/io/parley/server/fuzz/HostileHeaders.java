package io.parley.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Generators of hostile header values and path segments that an HTTP client can still put on the wire. */
final class HostileHeaders {
    private HostileHeaders() {
    }

    static Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=UTF-8", "APPLICATION/JSON",
                "application/json;charset=ISO-8859-1", "application/json; charset=nope", "application/json;;",
                "application/json; boundary", "text/plain", "text/html", "text/json", "*/*", "*/json",
                "application/*", "application/*+json", "application/problem+json", "application/vnd.api+json",
                "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=xyz",
                "application/xml", "application/octet-stream", "image/png", "", " ", "/", "application/", ";",
                "a/b/c", "garbage", "application/json; q=0", "application/json, text/plain");
    }

    static Arbitrary<String> accepts() {
        return Arbitraries.of("*/*", "application/json", "text/html", "application/xml", "image/png",
                "text/*;q=0.1", "application/json;q=0", "application/x-ndjson", "", "garbage", "*/*;q=bad",
                "text/event-stream", "application/*", "application/problem+json");
    }

    /** Visible ASCII and spaces: anything else the client itself refuses to send. */
    static Arbitrary<String> printable() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60).map(String::strip);
    }

    /** A path segment: percent-encoded bytes that are not UTF-8, NUL, slashes, dots, and very long ones. */
    static Arbitrary<String> pathSegments() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
                Tuple.of(4, Arbitraries.of("%2F", "%2f", "%00", "%5C", "%25", "%2E%2E", "..", ".", ";", "%3B",
                        "%C0%80", "%ED%A0%80", "%FF", "%E2%82%AC", "%F0%9F%91%8B", "~", "=", "@", ":", "+", "%20",
                        "%0A", "%0D", "%7B%7D", "%5B%5D", "%22", "%27", "%3C%3E",
                        "00000000-0000-0000-0000-000000000000", "-", "_", "%C3%28", "%E2%28%A1", "%F8%88%80%80%80",
                        "!", "$", "&",
                        "'", "(", ")", "*", ",")),
                Tuple.of(1, Arbitraries.integers().between(0, 255).map(b -> String.format("%%%02X", b))));
        Arbitrary<String> joined = token.list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
        Arbitrary<String> longOnes = Arbitraries.integers().between(300, 12_000).map("L"::repeat);
        return Arbitraries.frequencyOf(Tuple.of(12, joined), Tuple.of(1, longOnes), Tuple.of(1, Arbitraries.just("")));
    }
}
