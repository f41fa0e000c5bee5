package io.parley.server.media;

import io.parley.server.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresDatabase
class MediaPostgresIT extends MediaTests {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onPostgresqlUploadsLiveInTheDatabaseInChunks() {
        byte[] big = new byte[DatabaseMediaStore.CHUNK * 2 + 5];
        System.arraycopy(MediaFiles.pdf(), 0, big, 0, MediaFiles.pdf().length);
        String id = uploaded(customer("Carla"), "scan.pdf", big);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM media_content WHERE media_id = ?", Integer.class, id))
                .isEqualTo(3);
    }
}
