package io.parley.query.chat;

import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;

/** Who may read what: customers their own chats, staff and auditors every chat, only staff the inbox. */
final class ChatAccess {
    private ChatAccess() {
    }

    static boolean canRead(Actor viewer, String customerId) {
        if (viewer == null || viewer.role() == null) return false;
        if (viewer.isCustomer()) return viewer.id() != null && viewer.id().equals(customerId);
        return viewer.isStaff() || viewer.role() == Role.AUDITOR;
    }

    /** A chat the viewer may not read must look exactly like one that does not exist. */
    static void checkCanRead(Actor viewer, String customerId) {
        if (!canRead(viewer, customerId)) throw ChatRejectedException.notFound("chat");
    }

    static void checkStaff(Actor viewer) {
        if (viewer == null || !viewer.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins work the inbox");
        }
    }

    static void checkCustomer(Actor viewer) {
        if (viewer == null || !viewer.isCustomer()) {
            throw ChatRejectedException.forbidden("CUSTOMERS_ONLY", "only customers and guests have own chats");
        }
    }
}
