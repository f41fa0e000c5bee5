package io.parley.server.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code chat.max-json-bytes} ({@code CHAT_MAX_JSON_BYTES}, default 64 KiB): the largest JSON request body. */
@ConfigurationProperties("chat")
public record JsonLimitProperties(@DefaultValue("65536") long maxJsonBytes) {
}
