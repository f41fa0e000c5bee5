package io.parley.realtime.broadcast;

import io.parley.realtime.sessions.SocketSession;

/**
 * Which sockets of a room a broadcast skips, as data rather than a predicate so that every node can apply it to
 * its own sockets: the sockets of one person, staff sockets (they get chat-wide events through {@code agents}),
 * and sockets whose joinChat acknowledgement already carried message {@code seenSeq} of {@code seenChat}.
 */
public record Exclude(String person, boolean staff, String seenChat, long seenSeq) {
    public static final Exclude NONE = new Exclude(null, false, null, 0);
    public static final Exclude STAFF = new Exclude(null, true, null, 0);

    public static Exclude person(String personId) {
        return new Exclude(personId, false, null, 0);
    }

    public static Exclude personOrStaff(String personId) {
        return new Exclude(personId, true, null, 0);
    }

    public static Exclude alreadySeen(String chatId, long seq) {
        return new Exclude(null, false, chatId, seq);
    }

    boolean skips(SocketSession session) {
        if (session == null) return false;
        if (person != null && person.equals(session.personId())) return true;
        if (staff && session.isStaff()) return true;
        return seenChat != null && session.hasSeen(seenChat, seenSeq);
    }
}
