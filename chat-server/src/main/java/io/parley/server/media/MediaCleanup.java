package io.parley.server.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes media that no message carries {@code chat.media.orphan-hours} after its upload. Safe on every node at
 * once: each row is deleted by a conditional delete that only one node (and never after a claim committed) wins,
 * and only the winner removes the content.
 */
@Component
public class MediaCleanup {
    private static final Logger log = LoggerFactory.getLogger(MediaCleanup.class);
    static final int BATCH = 500;

    private final MediaRecords records;
    private final MediaStore store;
    private final TransactionTemplate transaction;
    private final Duration age;

    MediaCleanup(MediaRecords records, MediaStore store, TransactionTemplate transaction,
                 MediaProperties properties) {
        this.records = records;
        this.store = store;
        this.transaction = transaction;
        this.age = Duration.ofHours(properties.orphanHours());
    }

    @Scheduled(fixedDelayString = "${chat.media.cleanup-interval:10m}", initialDelayString = "1m")
    void scheduled() {
        deleteOrphans(age);
    }

    /** Deletes what no message carries that is older than {@code olderThan}; answers how many this node deleted. */
    public int deleteOrphans(Duration olderThan) {
        int deleted = 0;
        for (String id : records.orphans(Instant.now().minus(olderThan), BATCH)) {
            Boolean won = transaction.execute(status -> {
                if (!records.deleteOrphan(id)) return false;
                try {
                    store.delete(id);
                } catch (IOException e) {
                    // The row is gone, so nothing references the file any more; a leftover is only disk space.
                    log.warn("media {} could not be removed: {}", id, e.toString());
                }
                return true;
            });
            if (Boolean.TRUE.equals(won)) deleted++;
        }
        deleted += deleteUnrecorded(Instant.now().minus(olderThan));
        if (deleted > 0) log.info("deleted {} media that no message carried", deleted);
        return deleted;
    }

    /** Content left without a record by a crash between storing it and committing its row. */
    private int deleteUnrecorded(Instant before) {
        int deleted = 0;
        try {
            for (String id : store.unrecordedBefore(before)) {
                if (records.find(id).isPresent()) continue;
                store.delete(id);
                deleted++;
            }
        } catch (IOException e) {
            log.warn("could not sweep media content left without a record: {}", e.toString());
        }
        return deleted;
    }
}
