package io.parley.server.media;

import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
