package io.parley.server.media;

import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Makes an image's thumbnail (at most {@value #MAX_SIDE} px on the long side, with Thumbnailator) and so proves the
 * image can be decoded: a corrupt or truncated image, or one whose declared size would not fit in memory, is
 * refused with 415 rather than stored.
 */
final class Thumbnails {
    static final int MAX_SIDE = 320;
    /** 50 megapixels: more than any camera photo of the allowed size, far less than a decompression bomb. */
    static final long MAX_PIXELS = 50_000_000L;

    private Thumbnails() {
    }

    /** A thumbnail of the image in {@code file}: JPEG for JPEG photos, PNG (keeping transparency) otherwise. */
    static Thumbnail of(Path file, String contentType) {
        String format = contentType.equals("image/jpeg") ? "jpg" : "png";
        try {
            checkDimensions(file);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            net.coobird.thumbnailator.Thumbnails.of(file.toFile())
                    .size(MAX_SIDE, MAX_SIDE)
                    .keepAspectRatio(true)
                    .outputFormat(format)
                    .toOutputStream(out);
            return new Thumbnail(out.toByteArray(), format.equals("jpg") ? "image/jpeg" : "image/png");
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    private static void checkDimensions(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw unreadable();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) throw unreadable();
            } finally {
                reader.dispose();
            }
        }
    }

    private static ChatRejectedException unreadable() {
        return new ChatRejectedException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "IMAGE_UNREADABLE",
                "the image cannot be decoded (corrupt, truncated or too large)");
    }

    /** A thumbnail's bytes and type. */
    record Thumbnail(byte[] bytes, String contentType) {
    }
}
