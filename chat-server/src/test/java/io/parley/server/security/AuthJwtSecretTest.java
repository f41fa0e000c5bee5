package io.parley.server.security;

import io.parley.shared.Actor;
import io.parley.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the signing key comes from: configuration, or a file the embedded default generates once. */
class AuthJwtSecretTest {
    private static final String EMBEDDED = "jdbc:h2:file:/tmp/parley;MODE=PostgreSQL";
    private static final String POSTGRES = "jdbc:postgresql://db:5432/parley";

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDefaultGeneratesASecretOnceAndReusesItOnTheNextStart() throws Exception {
        JwtCodec firstStart = new JwtCodec(JwtSecretResolver.resolve(null, EMBEDDED, dataDir));
        Path file = dataDir.resolve("jwt-secret");
        String secret = Files.readString(file);
        IssuedToken token = firstStart.sign(new Actor("u-1", Role.AGENT, "Agent"), Duration.ofHours(1));

        JwtCodec secondStart = new JwtCodec(JwtSecretResolver.resolve("", EMBEDDED, dataDir));

        assertThat(Files.readString(file)).isEqualTo(secret);
        assertThat(secret.strip()).hasSizeGreaterThanOrEqualTo(64);
        assertThat(secondStart.parse(token.token()).actor()).isEqualTo(new Actor("u-1", Role.AGENT, "Agent"));
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void anotherDataDirectoryMeansAnotherSecret(@TempDir Path otherDir) {
        IssuedToken token = new JwtCodec(JwtSecretResolver.resolve(null, EMBEDDED, dataDir))
                .sign(new Actor("u-1", Role.USER, "User"), Duration.ofHours(1));
        JwtCodec stranger = new JwtCodec(JwtSecretResolver.resolve(null, EMBEDDED, otherDir));
        assertThatThrownBy(() -> stranger.parse(token.token())).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void anyOtherDatabaseRefusesToStartWithoutAConfiguredSecret() {
        assertThatThrownBy(() -> JwtSecretResolver.resolve(null, POSTGRES, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHAT_JWT_SECRET");
        assertThatThrownBy(() -> JwtSecretResolver.resolve("  ", "jdbc:h2:mem:test", dataDir))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void aConfiguredSecretWinsAndIsNeverWrittenToDisk() {
        String secret = "a-configured-secret-of-more-than-32-bytes";
        JwtCodec codec = new JwtCodec(JwtSecretResolver.resolve(secret, POSTGRES, dataDir));
        IssuedToken token = codec.sign(new Actor("u-2", Role.USER, "User"), Duration.ofMinutes(5));
        assertThat(new JwtCodec(JwtSecretResolver.resolve(secret, EMBEDDED, dataDir)).parse(token.token()).jti())
                .isEqualTo(token.jti());
        assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void aConfiguredSecretShorterThan256BitsIsRefused() {
        assertThatThrownBy(() -> JwtSecretResolver.resolve("too-short", POSTGRES, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void anEmptySecretFileLeftByACrashIsReplaced() throws Exception {
        Files.writeString(dataDir.resolve("jwt-secret"), "");
        JwtSecretResolver.resolve(null, EMBEDDED, dataDir);
        assertThat(Files.readString(dataDir.resolve("jwt-secret")).strip()).isNotEmpty();
    }
}
