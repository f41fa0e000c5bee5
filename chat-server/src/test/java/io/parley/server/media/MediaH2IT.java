package io.parley.server.media;

import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@H2Database
class MediaH2IT extends MediaTests {
    @Value("${chat.data-dir}")
    String dataDir;

    @Test
    void onTheEmbeddedDefaultUploadsAreFilesNamedByTheirIdInTheDataDirectory() throws Exception {
        byte[] pdf = MediaFiles.pdf();
        String id = uploaded(customer("Carla"), "../../evil.pdf", pdf);
        assertThat(Files.readAllBytes(Path.of(dataDir, "media", id))).isEqualTo(pdf);
        try (var left = Files.list(Path.of(dataDir, "media", "tmp"))) {
            assertThat(left).as("no temporary file is left behind").isEmpty();
        }
    }

    @Test
    void filesACrashLeftWithoutARecordAreSweptByTheCleanup() throws Exception {
        Path media = Path.of(dataDir, "media");
        Path stray = Files.write(media.resolve(UUID.randomUUID().toString()), MediaFiles.pdf());
        Path part = Files.write(media.resolve("tmp").resolve("upload-crashed.part"), new byte[100]);
        Files.setLastModifiedTime(stray, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        String fresh = uploaded(customer("Cleo"), "fresh.pdf", MediaFiles.pdf());

        cleanup.deleteOrphans(Duration.ofHours(24));

        assertThat(stray).as("a file with no record, older than the orphan age").doesNotExist();
        assertThat(part).as("an upload a crash left unfinished").doesNotExist();
        assertThat(media.resolve(fresh)).as("a fresh upload, recorded").exists();
    }
}
