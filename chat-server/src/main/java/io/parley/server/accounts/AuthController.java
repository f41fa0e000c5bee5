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

    /** Guests have no account row: their token is all there is to them. */
    @GetMapping("/me")
    ApiResponse<AccountView> me(@AuthenticationPrincipal Actor actor) {
        if (actor.role() == Role.GUEST) {
            return ApiResponse.ok(new AccountView(actor.id(), actor.name(), null, actor.role().wire()));
        }
        AccountView user = accounts.find(actor.id()).orElseThrow(() -> new ChatRejectedException(
                ErrorCode.AUTH_FAILED, "ACCOUNT_GONE", "The account of this token no longer exists"));
        return ApiResponse.ok(user);
    }

    private AuthResult signIn(AccountView user) {
        Role role = Role.fromWire(user.role()).orElseThrow();
        String token = tokens.issue(new Actor(user.id(), role, user.name())).token();
        return new AuthResult(token, user);
    }
}
