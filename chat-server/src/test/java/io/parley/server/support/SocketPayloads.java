package io.parley.server.support;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

import java.util.function.UnaryOperator;

/** Hostile socket payloads, as the socket fuzz suites (Parley's own protocol and the dialects') send them. */
public final class SocketPayloads {
    private SocketPayloads() {
    }

    /**
     * Any JSON value; objects are often aimed (by {@code aim}) at a fixture chat so the rules behind validation
     * are reached too. org.json cannot write a number beyond double (1e400 parses to Infinity): the client would
     * send a broken packet, which no socket.io client produces, so those payloads are left out.
     */
    public static Arbitrary<Object> hostile(UnaryOperator<JSONObject> aim) {
        Arbitrary<Object> value = HostileJson.values(2).map(SocketPayloads::parse);
        Arbitrary<Object> object = Combinators.combine(HostileJson.objects(2), Arbitraries.integers().between(0, 2))
                .as((text, dice) -> {
                    Object parsed = parse(text);
                    if (dice > 0 && parsed instanceof JSONObject json) return aim.apply(json);
                    return parsed;
                });
        return Arbitraries.frequencyOf(Tuple.of(1, value), Tuple.of(4, object))
                .filter(payload -> String.valueOf(payload) != null
                        && !(payload instanceof Double number && !Double.isFinite(number)));
    }

    /** org.json refuses duplicate keys, which socket.io-client could not send anyway: those become {}. */
    private static Object parse(String json) {
        try {
            return new JSONTokener(json).nextValue();
        } catch (JSONException e) {
            return new JSONObject();
        }
    }
}
