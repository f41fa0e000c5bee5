package io.parley.shared.query;

/** An uploaded file as clients see it; {@code url} is {@code /api/media/{id}}. */
public record MediaView(String id, String name, String contentType, long size, String url) {
}
