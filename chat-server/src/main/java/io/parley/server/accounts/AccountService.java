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
    // Compared against when the email is unknown, so a failed login takes as long either way.
    private final String decoyHash;

    AccountService(AccountRepository accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Registers an account; 409 CONFLICT when the email (case-insensitively) is taken. */
    @Transactional
    public AccountView create(String name, String email, String password, Role role) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ChatRejectedException.invalid("password", "PASSWORD_TOO_LONG",
                    "password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        String normalized = normalizeEmail(email);
        if (accounts.existsByEmail(normalized)) throw emailTaken();
        AccountEntity account = new AccountEntity(UUID.randomUUID().toString(), normalized, name.strip(), role,
                passwords.encode(password), Instant.now());
        try {
            return accounts.saveAndFlush(account).view();
        } catch (DataIntegrityViolationException raceOnTheUniqueKey) {
            throw emailTaken();
        }
    }

    /** The account these credentials belong to, or empty; never says which half was wrong. */
    @Transactional(readOnly = true)
    public Optional<AccountView> authenticate(String email, String password) {
        Optional<AccountEntity> account = accounts.findByEmail(normalizeEmail(email));
        boolean usable = password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
        String hash = account.map(AccountEntity::passwordHash).orElse(decoyHash);
        boolean matches = usable && passwords.matches(password, hash);
        return matches ? account.map(AccountEntity::view) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(String id) {
        return id == null ? Optional.empty() : accounts.findById(id).map(AccountEntity::view);
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
        List<AccountView> views = found.getContent().stream().map(AccountEntity::view).toList();
        return new AccountPage(views, found.getTotalElements());
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
