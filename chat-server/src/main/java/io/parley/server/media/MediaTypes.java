package io.parley.server.media;

import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides an upload's type from its content alone (Apache Tika's magic-byte detection; the client's file name
 * and Content-Type are never consulted) and checks it against the allowed types. A detected subtype counts as
 * an allowed parent of the same kind (Ogg Vorbis is {@code audio/ogg}); Tika's catch-all parents never do, so
 * HTML is not taken for {@code text/plain}.
 */
class MediaTypes {
    /** Parents that every text, XML or binary type has: matching one says nothing about the content. */
    private static final Set<MediaType> CATCH_ALL = Set.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML,
            MediaType.OCTET_STREAM);
    private static final MediaType QUICKTIME = MediaType.parse("video/quicktime");
    private static final MediaType MP4 = MediaType.parse("video/mp4");
    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final Set<MediaType> allowed;

    MediaTypes(List<String> allowedTypes) {
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.detector = tika.getDetector();
        this.registry = tika.getMediaTypeRegistry();
        this.allowed = allowedTypes.stream().map(MediaType::parse).collect(Collectors.toUnmodifiableSet());
    }

    /** The allowed type {@code file}'s bytes are, else 415 UNSUPPORTED_MEDIA_TYPE naming what they are. */
    String allowedTypeOf(Path file) throws IOException {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            detected = detector.detect(in, new Metadata()).getBaseType();
        }
        if (detected.equals(QUICKTIME) && IsoBrands.isMp4(file)) detected = MP4;
        if (allowed.contains(detected)) return detected.toString();
        for (MediaType parent = registry.getSupertype(detected); parent != null && !CATCH_ALL.contains(parent);
             parent = registry.getSupertype(parent)) {
            if (allowed.contains(parent) && parent.getType().equals(detected.getType())) return parent.toString();
        }
        throw new ChatRejectedException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "TYPE_NOT_ALLOWED",
                "the file's content is " + detected + ", which is not allowed; allowed: "
                        + allowed.stream().map(MediaType::toString).sorted().collect(Collectors.joining(", ")));
    }
}
