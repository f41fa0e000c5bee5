package io.parley.server.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The API's JSON: times are ISO-8601 UTC with exactly three fraction digits, as the contract shows them. */
@Configuration
public class JsonConfig {
    static final DateTimeFormatter API_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Bean
    Jackson2ObjectMapperBuilderCustomizer apiTimes() {
        SimpleModule module = new SimpleModule("parley-api-times");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(API_TIME.format(value));
            }
        });
        return builder -> builder.modulesToInstall(module);
    }

    /** For code that writes API JSON without Jackson (e.g. streams). */
    public static String format(Instant instant) {
        return API_TIME.format(instant);
    }
}
