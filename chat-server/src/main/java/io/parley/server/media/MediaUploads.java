package io.parley.server.media;

import io.parley.shared.Actor;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Accepts an upload: copies it (streamed, counted against the limit) into a temporary file, decides its type from
 * its content, makes an image's thumbnail, then stores the content and records the metadata together.
 */
@Service
class MediaUploads {
    private final MediaStore store;
    private final MediaRecords records;
    private final MediaTypes types;
    private final TransactionTemplate transaction;
    private final long maxBytes;

    MediaUploads(MediaStore store, MediaRecords records, MediaProperties properties, TransactionTemplate transaction) {
        this.store = store;
        this.records = records;
        this.types = new MediaTypes(properties.allowedTypes());
        this.transaction = transaction;
        this.maxBytes = properties.maxBytes().toBytes();
    }

    StoredMedia upload(Actor uploader, MultipartFile file) throws IOException {
        if (file.getSize() > maxBytes) throw tooLarge();
        Path temp = store.newTempFile();
        try {
            MessageDigest sha256 = sha256();
            long size = copy(file, temp, sha256);
            if (size == 0) {
                throw ChatRejectedException.invalid("file", "EMPTY_FILE", "the file is empty");
            }
            String contentType = types.allowedTypeOf(temp);
            Thumbnails.Thumbnail thumbnail = contentType.startsWith("image/")
                    ? Thumbnails.of(temp, contentType) : null;
            StoredMedia media = new StoredMedia(UUID.randomUUID().toString(), uploader.id(),
                    MediaNames.display(file.getOriginalFilename()), contentType, size,
                    HexFormat.of().formatHex(sha256.digest()), Instant.now().truncatedTo(ChronoUnit.MILLIS), null,
                    null, thumbnail == null ? null : thumbnail.contentType());
            store(media, uploader, temp, thumbnail);
            return media;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void store(StoredMedia media, Actor uploader, Path temp, Thumbnails.Thumbnail thumbnail)
            throws IOException {
        try {
            transaction.executeWithoutResult(status -> {
                try {
                    store.put(media.id(), temp, media.size());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                records.insert(media, uploader, thumbnail == null ? null : thumbnail.bytes());
            });
        } catch (RuntimeException e) {
            // A file already moved into place has no row: nothing can reference it, and it goes now.
            store.delete(media.id());
            throw e;
        }
    }

    /** Copies the part a buffer at a time, refusing it as soon as it passes the limit. */
    private long copy(MultipartFile file, Path target, MessageDigest digest) throws IOException {
        long total = 0;
        try (InputStream in = new DigestInputStream(file.getInputStream(), digest);
             OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) throw tooLarge();
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private ChatRejectedException tooLarge() {
        return new ChatRejectedException(ErrorCode.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE",
                "a file may have at most " + maxBytes + " bytes");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
