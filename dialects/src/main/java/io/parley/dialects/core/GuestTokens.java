package io.parley.dialects.core;

/** Issues the token of a new anonymous guest, as Parley's own guest start does. The application provides it. */
public interface GuestTokens {

    String issue(String guestId, String name);
}
