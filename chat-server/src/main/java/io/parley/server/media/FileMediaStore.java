package io.parley.server.media;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    private Path path(String id) {
        // Ids are generated UUIDs; anything else never names a file here.
        return root.resolve(java.util.UUID.fromString(id).toString());
    }
}
