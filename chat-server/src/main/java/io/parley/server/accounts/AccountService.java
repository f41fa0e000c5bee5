package io.parley.server.accounts;

import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.AccountView;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Creates accounts, checks credentials and looks accounts up; passwords exist only as bcrypt hashes. */
@Service
public class AccountService {
    // bcrypt reads at most 72 bytes; longer passwords would silently share a hash with their prefix.
    static final int MAX_PASSWORD_BYTES = 72;

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final int defaultCapacity;
    // Compared against when the email is unknown, so a failed login takes as long either way.
    private final String decoyHash;

    AccountService(AccountRepository accounts, PasswordEncoder passwords, AccountProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.defaultCapacity = properties.agentCapacity();
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Registers an account; 409 CONFLICT when the email (case-insensitively) is taken. */
    @Transactional
    public AccountView create(String name, String email, String password, Role role) {
        checkPasswordLength("password", password);
        String normalized = normalizeEmail(email);
        if (accounts.existsByEmail(normalized)) throw emailTaken();
        AccountEntity account = new AccountEntity(UUID.randomUUID().toString(), normalized, name.strip(), role,
                passwords.encode(password), Instant.now());
        try {
            return accounts.saveAndFlush(account).view(defaultCapacity);
        } catch (DataIntegrityViolationException raceOnTheUniqueKey) {
            throw emailTaken();
        }
    }

    /**
     * The active account these credentials belong to, or empty; never says which half was wrong, nor that the
     * account is deactivated (the password is checked all the same, so it takes as long).
     */
    @Transactional(readOnly = true)
    public Optional<AccountView> authenticate(String email, String password) {
        Optional<AccountEntity> account = accounts.findByEmail(normalizeEmail(email));
        boolean matches = matches(account.orElse(null), password);
        return matches ? account.filter(AccountEntity::active).map(this::view) : Optional.empty();
    }

    /** Sets a new password when {@code currentPassword} is right; 401 AUTH_FAILED otherwise. */
    @Transactional
    public void changePassword(String id, String currentPassword, String newPassword) {
        AccountEntity account = accounts.findById(id).filter(AccountEntity::active).orElse(null);
        if (!matches(account, currentPassword)) {
            throw new ChatRejectedException(ErrorCode.AUTH_FAILED, "BAD_CREDENTIALS", "The current password is wrong");
        }
        checkPasswordLength("newPassword", newPassword);
        account.passwordHash(passwords.encode(newPassword));
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(String id) {
        return id == null ? Optional.empty() : accounts.findById(id).map(this::view);
    }

    /** The account as the contract shows it, if it exists and is not deactivated. */
    @Transactional(readOnly = true)
    public Optional<AccountView> findActive(String id) {
        return id == null ? Optional.empty() : accounts.findById(id).filter(AccountEntity::active).map(this::view);
    }

    @Transactional(readOnly = true)
    public boolean emailExists(String email) {
        return accounts.existsByEmail(normalizeEmail(email));
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return accounts.count() == 0;
    }

    /** One page (1-based) of accounts, oldest first, optionally of one role. */
    @Transactional(readOnly = true)
    public AccountPage list(Role role, int page, int limit) {
        PageRequest request = PageRequest.of(page - 1, limit, Sort.by("createdAt", "id"));
        Page<AccountEntity> found = role == null ? accounts.findAll(request) : accounts.findByRole(role, request);
        List<AccountView> views = found.getContent().stream().map(this::view).toList();
        return new AccountPage(views, found.getTotalElements());
    }

    AccountView view(AccountEntity account) {
        return account.view(defaultCapacity);
    }

    private boolean matches(AccountEntity account, String password) {
        boolean usable = password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
        String hash = account == null ? decoyHash : account.passwordHash();
        return usable && passwords.matches(password, hash) && account != null;
    }

    private static void checkPasswordLength(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ChatRejectedException.invalid(field, "PASSWORD_TOO_LONG",
                    "password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static ChatRejectedException emailTaken() {
        return new ChatRejectedException(ErrorCode.CONFLICT, "EMAIL_TAKEN", "email is already registered");
    }

    /** A page of accounts with the total count across all pages. */
    public record AccountPage(List<AccountView> items, long total) {
    }
}
