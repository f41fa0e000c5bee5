package io.parley.server.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * Uploads ({@code chat.media.*}): the largest file, the types allowed (decided from the content), where the bytes
 * live ({@code auto}: the database on PostgreSQL, files in the data directory otherwise), and when media that no
 * message carries is deleted.
 */
@ConfigurationProperties("chat.media")
public record MediaProperties(@DefaultValue("10MB") DataSize maxBytes,
                              @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp",
                                      "application/pdf", "text/plain", "audio/mpeg", "audio/ogg", "video/mp4"})
                              List<String> allowedTypes,
                              @DefaultValue("auto") String store,
                              @DefaultValue("24") long orphanHours,
                              @DefaultValue("10m") Duration cleanupInterval,
                              @DefaultValue("20") int uploadsPerMinute) {
}
