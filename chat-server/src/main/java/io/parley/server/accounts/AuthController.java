package io.parley.server.accounts;

import io.parley.server.security.ActorAuthentication;
import io.parley.server.security.TokenService;
import io.parley.server.security.TokensRevoked;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.AccountView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Register, login, logout and "who am I" for customers and staff. */
@RestController
@RequestMapping("/api/auth")
class AuthController {
    private final AccountService accounts;
    private final TokenService tokens;

    AuthController(AccountService accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @PostMapping("/register")
    ResponseEntity<ApiResponse<AuthResult>> register(@Valid @RequestBody RegisterRequest request) {
        AccountView user = accounts.create(request.name(), request.email(), request.password(), Role.USER);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(signIn(user)));
    }

    @PostMapping("/login")
    ApiResponse<AuthResult> login(@Valid @RequestBody LoginRequest request) {
        AccountView user = accounts.authenticate(request.email(), request.password())
                .orElseThrow(() -> new ChatRejectedException(ErrorCode.AUTH_FAILED, "BAD_CREDENTIALS",
                        "Invalid email or password"));
        return ApiResponse.ok(signIn(user));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(ActorAuthentication authentication) {
        tokens.revoke(authentication.token(), TokensRevoked.LOGOUT);
        return ResponseEntity.noContent().build();
    }

    /** A new password; every other token of the account is revoked, the one presented keeps working. */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(ActorAuthentication authentication,
                                        @Valid @RequestBody PasswordChangeRequest request) {
        Actor actor = authentication.getPrincipal();
        if (actor.role() == Role.GUEST) {
            throw ChatRejectedException.forbidden("NO_ACCOUNT", "guests have no password");
        }
        accounts.changePassword(actor.id(), request.currentPassword(), request.newPassword());
        tokens.revokeAll(actor.id(), authentication.token().jti(), TokensRevoked.PASSWORD_CHANGED);
        return ResponseEntity.noContent().build();
    }

    /**
     * A fresh token for the same person (with their current name and role), and the presented one revoked: its
     * sockets get {@code forceLogout {reason: "refreshed"}} and reconnect with the new token.
     */
    @PostMapping("/refresh")
    ApiResponse<AuthResult> refresh(ActorAuthentication authentication) {
        Actor actor = authentication.getPrincipal();
        // Revoked first, so that with CHAT_SINGLE_SESSION the new token does not replace it as an older session.
        tokens.revoke(authentication.token(), TokensRevoked.REFRESHED);
        AuthResult fresh;
        if (actor.role() == Role.GUEST) {
            String token = tokens.issueGuestToken(actor.id(), actor.name());
            fresh = new AuthResult(token, new AccountView(actor.id(), actor.name(), null, actor.role().wire(), true,
                    null));
        } else {
            AccountView user = accounts.findActive(actor.id()).orElseThrow(() -> new ChatRejectedException(
                    ErrorCode.AUTH_FAILED, "ACCOUNT_GONE", "The account of this token no longer exists"));
            fresh = signIn(user);
        }
        return ApiResponse.ok(fresh);
    }

    /** Guests have no account row: their token is all there is to them. */
    @GetMapping("/me")
    ApiResponse<AccountView> me(@AuthenticationPrincipal Actor actor) {
        if (actor.role() == Role.GUEST) {
            return ApiResponse.ok(new AccountView(actor.id(), actor.name(), null, actor.role().wire(), true, null));
        }
        AccountView user = accounts.find(actor.id()).orElseThrow(() -> new ChatRejectedException(
                ErrorCode.AUTH_FAILED, "ACCOUNT_GONE", "The account of this token no longer exists"));
        return ApiResponse.ok(user);
    }

    private AuthResult signIn(AccountView user) {
        Role role = Role.fromWire(user.role()).orElseThrow();
        String token = tokens.issue(new Actor(user.id(), role, user.name())).token();
        // A deactivation that committed after the password check and before the token was recorded would miss
        // it: checked again now that it is recorded.
        if (accounts.findActive(user.id()).isEmpty()) {
            tokens.revokeAll(user.id(), null, TokensRevoked.DEACTIVATED);
            throw new ChatRejectedException(ErrorCode.AUTH_FAILED, "BAD_CREDENTIALS", "Invalid email or password");
        }
        return new AuthResult(token, user);
    }
}
