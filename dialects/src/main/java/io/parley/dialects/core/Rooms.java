package io.parley.dialects.core;

import io.parley.shared.Actor;

/** The rooms of every dialect namespace (each namespace has its own set, so the names may be the same). */
public final class Rooms {
    public static final String STAFF = "staff";

    private Rooms() {
    }

    public static String chat(String chatId) {
        return "chat-" + chatId;
    }

    public static String person(String id) {
        return "person-" + id;
    }

    public static String person(Actor actor) {
        return person(actor.id());
    }
}
