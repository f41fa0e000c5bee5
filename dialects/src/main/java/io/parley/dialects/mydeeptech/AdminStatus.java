package io.parley.dialects.mydeeptech;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.Rooms;
import io.parley.dialects.core.Workers;
import io.parley.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's {@code admin_status_update {adminId, isOnline, activeChats}} to the admins: when an admin's first
 * socket connects or last one leaves, and when a chat is assigned to one. {@code activeChats} is the inbox's count
 * of that admin's active chats, read on a dialect worker.
 */
@Component
class AdminStatus {
    private static final Logger log = LoggerFactory.getLogger(AdminStatus.class);

    private final ChatReads reads;
    private final Workers workers;

    AdminStatus(ChatReads reads, Workers workers) {
        this.reads = reads;
        this.workers = workers;
    }

    void announce(DialectNamespace namespace, Actor admin) {
        workers.run("mydeeptech-admin:" + admin.id(), () -> {
            try {
                long active = reads.inbox(admin, List.of("active"), "me", 1, 1).total();
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("adminId", admin.id());
                status.put("isOnline", namespace.anyoneIn(Rooms.person(admin)));
                status.put("activeChats", active);
                namespace.toRoom(Rooms.STAFF, "admin_status_update", status);
            } catch (RuntimeException failure) {
                log.warn("admin_status_update for {} not sent: {}", admin.id(), failure.toString());
            }
        });
    }
}
