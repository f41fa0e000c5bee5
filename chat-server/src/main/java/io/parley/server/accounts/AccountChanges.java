package io.parley.server.accounts;

import io.parley.shared.Actor;
import io.parley.shared.ActorMetaData;
import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.StaffAccountChangedEvent;
import io.parley.shared.query.AccountView;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies an admin's change to an account and records it as a {@link StaffAccountChangedEvent} with its actor,
 * in the same transaction: the account row is what logins read, the event is the record of who did what.
 */
@Component
class AccountChanges {
    static final int MAX_CAPACITY = 100;

    private final AccountRepository accounts;
    private final AccountService service;
    private final EventGateway events;

    AccountChanges(AccountRepository accounts, AccountService service, EventGateway events) {
        this.accounts = accounts;
        this.service = service;
        this.events = events;
    }

    /** What a change did, for what must follow its commit (revoking tokens, returning chats). */
    record Outcome(AccountView user, boolean deactivated, boolean roleChanged) {
    }

    @Transactional
    Outcome apply(Actor by, String id, UpdateAccountRequest request) {
        Integer capacity = request.wholeCapacity();
        AccountEntity account = accounts.findById(id).orElseThrow(() -> ChatRejectedException.notFound("user"));
        Role role = request.role() == null ? account.role() : Role.fromWire(request.role()).orElseThrow();
        boolean self = by.id().equals(id);
        if (self && Boolean.FALSE.equals(request.active())) {
            throw ChatRejectedException.conflict("CANNOT_DEACTIVATE_SELF", "admins cannot deactivate themselves");
        }
        if (self && role != account.role()) {
            throw ChatRejectedException.conflict("CANNOT_CHANGE_OWN_ROLE", "admins cannot change their own role");
        }
        if (role != account.role() && account.role().isCustomer()) {
            throw ChatRejectedException.conflict("CUSTOMER_ROLE_FIXED",
                    "a customer account cannot become staff; create a staff account instead");
        }
        if (capacity != null && !role.isStaff()) {
            throw ChatRejectedException.invalid("capacity", "NO_CAPACITY", "only agents and admins have a capacity");
        }
        List<String> changed = new ArrayList<>();
        if (request.name() != null && !request.name().strip().equals(account.name())) {
            account.name(request.name().strip());
            changed.add("name");
        }
        boolean roleChanged = role != account.role();
        if (roleChanged) {
            account.role(role);
            changed.add("role");
        }
        boolean deactivated = account.active() && Boolean.FALSE.equals(request.active());
        if (request.active() != null && request.active() != account.active()) {
            account.active(request.active());
            changed.add("active");
        }
        if (capacity != null && !Objects.equals(capacity, account.capacity())) {
            account.capacity(capacity);
            changed.add("capacity");
        }
        if (!changed.isEmpty()) record(by, account, changed);
        return new Outcome(service.view(account), deactivated, roleChanged);
    }

    private void record(Actor by, AccountEntity account, List<String> changed) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StaffAccountChangedEvent event = new StaffAccountChangedEvent(account.id(), account.name(), account.role(),
                account.active(), account.capacity(), List.copyOf(changed), by.id(), by.role(), now);
        events.publish(GenericEventMessage.asEventMessage(event).andMetaData(MetaData.from(Map.of(
                ActorMetaData.ACTOR_ID, by.id(),
                ActorMetaData.ACTOR_ROLE, by.role().wire(),
                ActorMetaData.ACTOR_NAME, by.name() == null ? "" : by.name()))));
    }
}
