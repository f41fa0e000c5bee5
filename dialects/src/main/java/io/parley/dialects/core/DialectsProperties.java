package io.parley.dialects.core;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code CHAT_DIALECTS}: the seed dialects served, a comma list of names, {@code all} (default) or {@code none}. */
@ConfigurationProperties("chat")
public record DialectsProperties(@DefaultValue("all") String dialects) {

    public boolean serves(String name) {
        Set<String> names = Arrays.stream((dialects == null ? "all" : dialects).split(","))
                .map(part -> part.trim().toLowerCase(Locale.ROOT))
                .filter(part -> !part.isEmpty())
                .collect(Collectors.toSet());
        return names.contains("all") || names.contains(name);
    }
}
