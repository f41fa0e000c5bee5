package io.parley.server.media;

import jakarta.servlet.MultipartConfigElement;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses where media lives and how multipart uploads are received. */
@Configuration
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfig {
    /** Room for the multipart framing around the one file part. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    /** {@code auto}: in the database on PostgreSQL (every node serves every upload), files otherwise. */
    @Bean
    MediaStore mediaStore(MediaProperties properties, JdbcTemplate jdbc,
                          @Value("${spring.datasource.url:}") String url,
                          @Value("${chat.data-dir:./data}") String dataDir) throws IOException {
        String choice = properties.store().trim().toLowerCase(java.util.Locale.ROOT);
        boolean database = choice.equals("database") || (choice.equals("auto") && url.startsWith("jdbc:postgresql:"));
        if (!database && !choice.equals("auto") && !choice.equals("files")) {
            throw new IllegalStateException("chat.media.store must be auto, files or database, not " + choice);
        }
        LoggerFactory.getLogger(MediaConfig.class).info("media store: {}", database ? "database" : "files");
        return database ? new DatabaseMediaStore(jdbc) : new FileMediaStore(Path.of(dataDir, "media"));
    }

    /**
     * Tomcat refuses a file over the limit while reading it (413) and keeps parts over 64 KiB on disk, in the data
     * directory, never whole in the heap.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MediaProperties properties,
                                                  @Value("${chat.data-dir:./data}") String dataDir)
            throws IOException {
        Path location = Files.createDirectories(Path.of(dataDir, "multipart"));
        long max = properties.maxBytes().toBytes();
        return new MultipartConfigElement(location.toString(), max, max + MULTIPART_OVERHEAD, 64 * 1024);
    }
}
