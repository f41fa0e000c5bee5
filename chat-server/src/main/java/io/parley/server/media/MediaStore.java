package io.parley.server.media;

import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where the bytes of uploads live: files in the data directory ({@link FileMediaStore}) or chunks in the database
 * ({@link DatabaseMediaStore}, so that any node serves any media). Uploads arrive in a temporary file of the
 * store's choosing; {@link #put} makes one whole, so that a crash never leaves half a file under a media id.
 */
interface MediaStore {

    /** A fresh temporary file an upload is copied into before it is checked. */
    Path newTempFile() throws IOException;

    /** Stores {@code file} as the content of media {@code id}; on a database it joins the caller's transaction. */
    void put(String id, Path file, long size) throws IOException;

    /** The content of media {@code id}, {@code size} bytes, readable more than once (Range requests skip). */
    Resource open(String id, long size);

    /** Removes the content of media {@code id}, if any. */
    void delete(String id) throws IOException;

    /**
     * Ids whose content is stored but may have no record, older than {@code before}: a crash between storing a
     * file and committing its row leaves one. A store whose content commits with its row has none. Also removes
     * unfinished uploads older than {@code before}.
     */
    default List<String> unrecordedBefore(Instant before) throws IOException {
        return List.of();
    }
}
