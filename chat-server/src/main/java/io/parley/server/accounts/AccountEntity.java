package io.parley.server.accounts;

import io.parley.shared.Role;
import io.parley.shared.query.AccountView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A registered account; the email is stored lowercased, which makes its unique key case-insensitive. */
@Entity
@Table(name = "accounts")
class AccountEntity {
    @Id
    private String id;
    @Column(nullable = false)
    private String email;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private boolean active = true;
    // Null: the default, CHAT_AGENT_CAPACITY.
    private Integer capacity;

    protected AccountEntity() {
    }

    AccountEntity(String id, String email, String name, Role role, String passwordHash, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String hash) {
        passwordHash = hash;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    void name(String name) {
        this.name = name;
    }

    Role role() {
        return role;
    }

    void role(Role role) {
        this.role = role;
    }

    boolean active() {
        return active;
    }

    void active(boolean active) {
        this.active = active;
    }

    Integer capacity() {
        return capacity;
    }

    void capacity(Integer capacity) {
        this.capacity = capacity;
    }

    /** The contract's {@code user}; {@code capacity} only for those who take chats (agents, admins). */
    AccountView view(int defaultCapacity) {
        Integer shown = role.isStaff() ? (capacity == null ? defaultCapacity : capacity) : null;
        return new AccountView(id, name, email, role.wire(), active, shown);
    }
}
