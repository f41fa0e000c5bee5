package io.parley.server.media;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Media in the database ({@code media_content}), in chunks of {@value #CHUNK} bytes: an upload is written a
 * chunk at a time in the transaction that records its metadata, and a download reads a chunk at a time, only
 * the chunks a Range covers. Every node of a deployment serves every upload.
 */
class DatabaseMediaStore implements MediaStore {
    static final int CHUNK = 256 * 1024;
    private final JdbcTemplate jdbc;

    DatabaseMediaStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Path newTempFile() throws IOException {
        return Files.createTempFile("parley-upload-", ".part");
    }

    @Override
    public void put(String id, Path file, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int chunkNo = 0;
            byte[] chunk;
            while ((chunk = in.readNBytes(CHUNK)).length > 0) {
                jdbc.update("INSERT INTO media_content (media_id, chunk_no, bytes) VALUES (?, ?, ?)",
                        id, chunkNo++, chunk);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public Resource open(String id, long size) {
        return new AbstractResource() {
            @Override
            public String getDescription() {
                return "media " + id + " in the database";
            }

            @Override
            public long contentLength() {
                return size;
            }

            @Override
            public boolean exists() {
                return true;
            }

            @Override
            public InputStream getInputStream() {
                return new ChunkedInputStream(id, size);
            }
        };
    }

    @Override
    public void delete(String id) {
        jdbc.update("DELETE FROM media_content WHERE media_id = ?", id);
    }

    private byte[] chunk(String id, int chunkNo) throws IOException {
        List<byte[]> found = new ArrayList<>(jdbc.query(
                "SELECT bytes FROM media_content WHERE media_id = ? AND chunk_no = ?",
                (rs, i) -> rs.getBytes(1), id, chunkNo));
        if (found.isEmpty()) throw new IOException("media " + id + " has no chunk " + chunkNo + " (deleted?)");
        return found.get(0);
    }

    /** Reads one chunk at a time, on demand; skipping jumps over whole chunks without reading them. */
    private final class ChunkedInputStream extends InputStream {
        private final String id;
        private final long size;
        private long position;
        private byte[] current;
        private int currentNo = -1;

        ChunkedInputStream(String id, long size) {
            this.id = id;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position >= size) return -1;
            if (length == 0) return 0;
            int chunkNo = (int) (position / CHUNK);
            if (chunkNo != currentNo) {
                current = chunk(id, chunkNo);
                currentNo = chunkNo;
            }
            int within = (int) (position % CHUNK);
            int count = Math.min(length, current.length - within);
            if (count <= 0) throw new IOException("media " + id + " is shorter than recorded");
            System.arraycopy(current, within, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, size - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, size - position);
        }
    }
}
