package io.parley.server.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UtcInstantsTest {
    private static final ObjectMapper STORAGE = AxonConfig.storageMapper();

    /** Every instant from year 1 to 9999, at every precision Parley or Axon writes, reads back as java.time reads it. */
    @Property(tries = 2_000)
    void readsWhatJavaTimeReads(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second,
                                @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                @ForAll @IntRange(min = 0, max = 9) int digits) {
        Instant instant = Instant.ofEpochSecond(second, nanos);
        String text = instant.toString().replaceAll("\\.\\d+Z$", "Z");
        if (digits > 0) {
            String fraction = String.format("%09d", nanos).substring(0, digits);
            text = text.replace("Z", "." + fraction + "Z");
        }
        assertThat(UtcInstants.parse(text)).isEqualTo(Instant.parse(text));
        assertThat(UtcInstants.parse(text)).isEqualTo(DateTimeUtils.parseInstant(text));
    }

    @Test
    void axonsOwnFormReadsBack() {
        Instant instant = Instant.parse("2026-12-03T17:42:33.251Z");
        assertThat(UtcInstants.parse(DateTimeUtils.formatInstant(instant))).isEqualTo(instant);
    }

    @Test
    void otherFormsAreJavaTimes() {
        for (String text : List.of("2026-12-03T17:42:33+02:00", "2026-12-03T17:42:33.5+00:00",
                "+12026-12-03T17:42:33Z", "2026-12-31T23:59:60Z", "2026-12-03T24:00:00Z", "2026-12-03T17:42:33.Z")) {
            assertThat(UtcInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void whatJavaTimeRefusesIsRefused() {
        for (String text : List.of("2026-02-30T10:00:00Z", "2026-12-03T17:42:33.1234567890Z", "2026-12-03 17:42:33Z", "2026-1x-03T17:42:33Z", "")) {
            assertThatThrownBy(() -> UtcInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void storedEventsReadTheirInstantsAsBefore() throws Exception {
        record Sent(Instant sentAt) {
        }
        for (String json : List.of("{\"sentAt\":\"2026-12-03T17:42:33.251Z\"}", "{\"sentAt\":\"2026-12-03T17:42:33Z\"}",
                "{\"sentAt\":\"2026-12-03T19:42:33.251+02:00\"}", "{\"sentAt\":1796319753.251000000}")) {
            assertThat(STORAGE.readValue(json, Sent.class).sentAt()).as(json)
                    .isEqualTo(Instant.parse("2026-12-03T17:42:33Z").plusMillis(json.contains(".251") ? 251 : 0));
        }
    }
}
