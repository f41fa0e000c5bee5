package io.parley.server.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.parley.shared.Actor;
import io.parley.shared.Role;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/**
 * Signs and checks Parley's HS256 JWTs (sub, role, name, jti, iat, exp); a token issued in the future is refused.
 * Knows nothing about revocation.
 */
final class JwtCodec {
    static final String ROLE_CLAIM = "role";
    static final String NAME_CLAIM = "name";
    // Real tokens are a few hundred characters; anything far larger is not worth parsing.
    private static final int MAX_TOKEN_CHARS = 4096;
    /** How far ahead of this node's clock another node's may run: a token issued later than that is forged. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final SecretKey key;
    private final JwtParser parser;

    JwtCodec(SecretKey key) {
        this.key = key;
        // jjwt rejects unsecured (alg "none") tokens unless explicitly enabled, which it is not here.
        this.parser = Jwts.parser().verifyWith(key).build();
    }

    IssuedToken sign(Actor actor, Duration ttl) {
        // JWT times are whole seconds; truncating keeps expiresAt equal to what verify() will read back.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        String jti = UUID.randomUUID().toString();
        String token = Jwts.builder()
                .subject(actor.id())
                .claim(ROLE_CLAIM, actor.role().wire())
                .claim(NAME_CLAIM, actor.name())
                .id(jti)
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedToken(token, jti, expiresAt);
    }

    VerifiedToken parse(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException("invalid token");
        }
        Claims claims;
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            if (!Jwts.SIG.HS256.getId().equals(jws.getHeader().getAlgorithm())) {
                throw new InvalidTokenException("invalid token");
            }
            claims = jws.getPayload();
        } catch (ExpiredJwtException e) {
            throw new InvalidTokenException("token expired");
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException("invalid token");
        }
        return toVerified(claims);
    }

    private static VerifiedToken toVerified(Claims claims) {
        try {
            String subject = claims.getSubject();
            String jti = claims.getId();
            Date expiration = claims.getExpiration();
            Date issuedAt = claims.getIssuedAt();
            Role role = Role.fromWire(claims.get(ROLE_CLAIM, String.class))
                    .filter(r -> r != Role.SYSTEM)
                    .orElse(null);
            if (isBlank(subject) || isBlank(jti) || expiration == null || role == null || issuedAt == null
                    || issuedAt.toInstant().isAfter(Instant.now().plus(CLOCK_SKEW))) {
                throw new InvalidTokenException("invalid token");
            }
            String name = claims.get(NAME_CLAIM, String.class);
            return new VerifiedToken(new Actor(subject, role, name), jti, expiration.toInstant());
        } catch (JwtException e) {
            throw new InvalidTokenException("invalid token");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
