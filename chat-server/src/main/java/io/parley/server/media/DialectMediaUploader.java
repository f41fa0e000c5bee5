package io.parley.server.media;

import io.parley.dialects.core.MediaUploader;
import io.parley.server.limits.RateLimiter;
import io.parley.shared.Actor;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.MediaView;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Uploads for the seed dialects (seed 001's {@code POST /api/v1/chat/media}) with the rules of {@code POST /api/media}. */
@Component
class DialectMediaUploader implements MediaUploader {
    private final MediaUploads uploads;
    private final RateLimiter limiter;
    private final MediaProperties properties;

    DialectMediaUploader(MediaUploads uploads, RateLimiter limiter, MediaProperties properties) {
        this.uploads = uploads;
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public MediaView upload(Actor uploader, MultipartFile file) {
        if (!uploader.isStaff() && !uploader.isCustomer()) {
            throw ChatRejectedException.forbidden("WRITERS_ONLY", "only those who write messages upload media");
        }
        RateLimiter.Verdict verdict = limiter.take(RateLimiter.Limit.UPLOAD, uploader.id(),
                properties.uploadsPerMinute());
        if (!verdict.allowed()) {
            throw ChatRejectedException.rateLimited("UPLOAD_RATE", "at most " + properties.uploadsPerMinute()
                    + " uploads a minute", verdict.retryAfterSeconds());
        }
        try {
            return MediaView.of(uploads.upload(uploader, file).attachment());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
