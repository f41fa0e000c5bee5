package io.parley.shared.event;

/** An uploaded file a message carries, as its event records it: what every reader shows without a lookup. */
public record Attachment(String id, String name, String contentType, long size) {

    /** Images get a thumbnail at upload (a corrupt image is refused), so every image has one. */
    public boolean hasThumbnail() {
        return contentType != null && contentType.startsWith("image/");
    }
}
