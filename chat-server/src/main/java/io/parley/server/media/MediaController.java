package io.parley.server.media;

import io.parley.server.limits.RateLimiter;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.MediaView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Uploads and downloads of media. Downloads are for the uploader, the customer of a chat whose message carries
 * the media, and staff (agents, admins); everyone else, auditors included, gets 404. Every download is
 * {@code nosniff}, private to the browser's cache, revalidated by ETag, and only images are shown inline.
 */
@RestController
@RequestMapping("/api/media")
@Tag(name = "Media", description = "Files attached to messages")
class MediaController {
    private final MediaUploads uploads;
    private final MediaRecords records;
    private final MediaStore store;
    private final RateLimiter limiter;
    private final MediaProperties properties;

    MediaController(MediaUploads uploads, MediaRecords records, MediaStore store, RateLimiter limiter,
                    MediaProperties properties) {
        this.uploads = uploads;
        this.records = records;
        this.store = store;
        this.limiter = limiter;
        this.properties = properties;
    }

    @Operation(summary = "Upload a file (multipart field `file`)", description = "The type is decided from the "
            + "content (415 UNSUPPORTED_MEDIA_TYPE unless allowed: by default JPEG, PNG, GIF, WebP, PDF, plain text, "
            + "MP3, Ogg audio, MP4 video); at most CHAT_MEDIA_MAX_BYTES (413 PAYLOAD_TOO_LARGE); 20 a minute per "
            + "user. Images get a thumbnailUrl. Media no message carries is deleted after CHAT_MEDIA_ORPHAN_HOURS.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ApiResponse<MediaView>> upload(@AuthenticationPrincipal Actor actor,
                                                  @RequestPart("file") MultipartFile file) throws IOException {
        if (!actor.isStaff() && !actor.isCustomer()) {
            throw ChatRejectedException.forbidden("WRITERS_ONLY", "only those who write messages upload media");
        }
        RateLimiter.Verdict verdict = limiter.take(RateLimiter.Limit.UPLOAD, actor.id(),
                properties.uploadsPerMinute());
        if (!verdict.allowed()) {
            throw ChatRejectedException.rateLimited("UPLOAD_RATE", "at most " + properties.uploadsPerMinute()
                    + " uploads a minute", verdict.retryAfterSeconds());
        }
        StoredMedia media = uploads.upload(actor, file);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(MediaView.of(media.attachment())));
    }

    @Operation(summary = "Download a file", description = "Honours Range (206, 416) and If-None-Match (304).")
    @GetMapping("/{id}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_NONE_MATCH,
                                              required = false) String ifNoneMatch) {
        StoredMedia media = visible(actor, id);
        return serve(media, "\"" + media.sha256() + "\"", ifNoneMatch, media.contentType(),
                () -> store.open(media.id(), media.size()));
    }

    @Operation(summary = "An image's thumbnail (at most 320 px on the long side)")
    @GetMapping("/{id}/thumbnail")
    ResponseEntity<Resource> thumbnail(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                       @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_NONE_MATCH,
                                               required = false) String ifNoneMatch) {
        StoredMedia media = visible(actor, id);
        if (media.thumbnailType() == null) throw ChatRejectedException.notFound("thumbnail");
        return serve(media, "\"" + media.sha256() + "-thumbnail\"", ifNoneMatch, media.thumbnailType(),
                () -> new ByteArrayResource(records.thumbnail(media.id())));
    }

    private StoredMedia visible(Actor actor, String id) {
        if (id.length() > 36) throw ChatRejectedException.notFound("media");
        return records.find(id).filter(media -> media.visibleTo(actor))
                .orElseThrow(() -> ChatRejectedException.notFound("media"));
    }

    private static ResponseEntity<Resource> serve(StoredMedia media, String etag, String ifNoneMatch,
                                                  String contentType, java.util.function.Supplier<Resource> body) {
        ResponseEntity.BodyBuilder headers = ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.empty().cachePrivate())
                .header("X-Content-Type-Options", "nosniff");
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || ifNoneMatch.contains(etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers.build().getHeaders()).build();
        }
        // Only images are shown in the browser; anything else (a PDF, a text file) is only ever downloaded.
        ContentDisposition disposition = ContentDisposition.builder(media.isImage() ? "inline" : "attachment")
                .filename(media.name(), StandardCharsets.UTF_8).build();
        return headers.contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .body(body.get());
    }
}
