package io.parley.dialects.core;

import io.parley.shared.Actor;
import io.parley.shared.query.MediaView;
import org.springframework.web.multipart.MultipartFile;

/**
 * Parley's media upload (type from the content, size limit, upload rate), for a dialect whose seed uploads under
 * its own path. The application provides it; a dialect stores nothing itself.
 */
public interface MediaUploader {

    /** The stored media; refusals are Parley's ({@code UNSUPPORTED_MEDIA_TYPE}, {@code RATE_LIMITED} …). */
    MediaView upload(Actor uploader, MultipartFile file);
}
