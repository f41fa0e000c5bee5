package io.parley.shared;

/** Whoever performs an action: the authenticated principal of a request, and the actor recorded on every event. */
public record Actor(String id, Role role, String name) {

    public static final String SYSTEM_ID = "system";

    public static Actor system() {
        return new Actor(SYSTEM_ID, Role.SYSTEM, "Parley");
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isCustomer() {
        return role.isCustomer();
    }
}
