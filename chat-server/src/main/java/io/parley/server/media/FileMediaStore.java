package io.parley.server.media;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Media as files under {@code <data-dir>/media}, named by their generated id only. Uploads are written to
 * {@code media/tmp} and moved into place atomically, so a file under an id is always complete.
 */
class FileMediaStore implements MediaStore {
    private final Path root;
    private final Path temp;

    FileMediaStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
        this.temp = Files.createDirectories(root.resolve("tmp"));
    }

    @Override
    public Path newTempFile() throws IOException {
        return Files.createTempFile(temp, "upload-", ".part");
    }

    @Override
    public void put(String id, Path file, long size) throws IOException {
        Files.move(file, path(id), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Resource open(String id, long size) {
        return new FileSystemResource(path(id));
    }

    @Override
    public void delete(String id) throws IOException {
        Files.deleteIfExists(path(id));
    }

    @Override
    public List<String> unrecordedBefore(Instant before) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && olderThan(file, before) && isId(file.getFileName().toString())) {
                    ids.add(file.getFileName().toString());
                }
            }
        }
        try (Stream<Path> parts = Files.list(temp)) {
            for (Path part : (Iterable<Path>) parts::iterator) {
                if (olderThan(part, before)) Files.deleteIfExists(part);
            }
        }
        return ids;
    }

    private static boolean olderThan(Path file, Instant before) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().isBefore(before);
    }

    private static boolean isId(String name) {
        try {
            return java.util.UUID.fromString(name).toString().equals(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Path path(String id) {
        // Ids are generated UUIDs; anything else never names a file here.
        return root.resolve(java.util.UUID.fromString(id).toString());
    }
}
