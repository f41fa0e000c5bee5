package io.parley.shared.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.shared.event.Attachment;

/**
 * An uploaded file as clients see it; {@code url} is {@code /api/media/{id}}, and images also have
 * {@code thumbnailUrl} ({@code /api/media/{id}/thumbnail}).
 */
public record MediaView(String id, String name, String contentType, long size, String url,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String thumbnailUrl) {

    public static MediaView of(Attachment attachment) {
        String url = "/api/media/" + attachment.id();
        return new MediaView(attachment.id(), attachment.name(), attachment.contentType(), attachment.size(), url,
                attachment.hasThumbnail() ? url + "/thumbnail" : null);
    }
}
