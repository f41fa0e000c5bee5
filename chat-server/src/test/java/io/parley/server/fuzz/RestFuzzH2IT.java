package io.parley.server.fuzz;

import io.parley.server.support.Envelopes;
import io.parley.server.support.FuzzServer;
import io.parley.server.support.HostileJson;
import io.parley.server.support.StoredCounts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests to every REST endpoint of the contract: never a 5xx, always the error envelope on a 4xx, and a
 * refused write stores nothing. Fixed seeds make a failure reproduce; docs/testing.md tells how to explore.
 */
class RestFuzzH2IT {
    static final String SEED = "20261203";
    private static Fixture fixture;

    @BeforeContainer
    static void startServer() {
        fixture = new Fixture(new Http(FuzzServer.httpPort()));
    }

    @Property(tries = 350, seed = SEED, shrinking = ShrinkingMode.OFF)
    void hostileBodiesAreRefusedCleanlyAndStoreNothing(@ForAll("writes") Endpoint endpoint,
                                                       @ForAll("bodies") byte[] body) {
        call(endpoint, body, "application/json", "application/json");
    }

    @Property(tries = 600, seed = SEED, shrinking = ShrinkingMode.OFF)
    void anyContentTypeOrAcceptIsAnsweredWithTheEnvelope(@ForAll("anyEndpoint") Endpoint endpoint,
                                                         @ForAll("contentTypes") String contentType,
                                                         @ForAll("accepts") String accept,
                                                         @ForAll("smallBodies") byte[] body) {
        call(endpoint, body, contentType, accept);
    }

    @Property(tries = 500, seed = SEED, shrinking = ShrinkingMode.OFF)
    void hostileIdsInPathsAreRefusedCleanly(@ForAll("withIds") Endpoint endpoint, @ForAll("ids") String id,
                                            @ForAll("smallBodies") byte[] body) {
        Endpoint concrete = new Endpoint(endpoint.method(), endpoint.path().replace("{id}", id), endpoint.caller());
        call(concrete, "GET".equals(endpoint.method()) ? null : body, "application/json", null);
    }

    @Property(tries = 400, seed = SEED, shrinking = ShrinkingMode.OFF)
    void hostileQueryParametersAreRefusedCleanly(@ForAll("reads") Endpoint endpoint,
                                                 @ForAll("queries") String query) {
        Endpoint concrete = new Endpoint("GET", endpoint.path() + "?" + query, endpoint.caller());
        call(concrete, null, null, null);
    }

    /** One call: no 5xx, the envelope on a refusal, and a refusal leaves what it aimed at as it was. */
    private static void call(Endpoint endpoint, byte[] body, String contentType, String accept) {
        String path = endpoint.resolve(fixture);
        StoredCounts before = StoredCounts.now();
        Http.Answer answer = fixture.http.send(endpoint.method(), path, body, contentType, accept,
                endpoint.caller().apply(fixture));
        String context = endpoint + " " + shown(path) + " body " + shown(body) + " content-type " + contentType
                + " accept " + accept + " -> " + answer;
        assertThat(answer.status()).as(context).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as(context).startsWith("application/json");
            Envelopes.assertError(answer.json(), context);
            assertThat(StoredCounts.now()).as("stored nothing: " + context).isEqualTo(before);
        } else if (endpoint.aimsAtClosable()) {
            fixture.closableMayHaveClosed();
        }
    }

    @Provide
    Arbitrary<Endpoint> writes() {
        return Arbitraries.of(Endpoint.WRITES);
    }

    @Provide
    Arbitrary<Endpoint> reads() {
        return Arbitraries.of(Endpoint.READS);
    }

    @Provide
    Arbitrary<Endpoint> anyEndpoint() {
        List<Endpoint> all = new ArrayList<>(Endpoint.WRITES);
        all.addAll(Endpoint.READS);
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<Endpoint> withIds() {
        return Arbitraries.of(Endpoint.WITH_IDS);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return HostileJson.bodies();
    }

    @Provide
    Arbitrary<byte[]> smallBodies() {
        return Arbitraries.oneOf(HostileJson.objects(1), Arbitraries.of("", "{}", "null", "{\"content\":\"hi\"}"))
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(HostileHeaders.contentTypes(), HostileHeaders.printable());
    }

    @Provide
    Arbitrary<String> accepts() {
        return Arbitraries.oneOf(HostileHeaders.accepts(), HostileHeaders.printable());
    }

    @Provide
    Arbitrary<String> ids() {
        return HostileHeaders.pathSegments();
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("status", "assignee", "priority", "category", "q",
                "page", "limit", "afterSeq", "beforeSeq", "role", "tag", "afterSequence", "afterPosition", "at", "from",
                "to", "format", "includeNotes"), HostileHeaders.pathSegments());
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("", "-1", "0", "1", "101", "201",
                "99999999999999999999", "1e3", "abc", "active", "open,closed", "me", "none", "%00", "%C0%80",
                "%ED%A0%80", "%FF", "a%00b", "%F0%9F%91%8B", "%25", "%5B%5D", "+", "%2B", "2026-11-21T10:30:00.000Z",
                "2026-13-45T99:99:99Z", "9999999999-01-01T00:00:00Z", "csv", "txt", "json", "true", "TRUE"),
                HostileHeaders.pathSegments());
        return Combinators.combine(key, value).as((k, v) -> k + "=" + v).list().ofMinSize(1).ofMaxSize(4)
                .map(pairs -> String.join("&", pairs));
    }

    private static String shown(Object value) {
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : Objects.toString(value);
        return text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + ")" : text;
    }
}
