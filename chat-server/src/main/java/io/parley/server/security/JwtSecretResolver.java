package io.parley.server.security;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Finds the HS256 signing key. Secrets come from configuration; only the embedded H2 default, which runs on one
 * machine with its data directory, may generate its own and keep it there so tokens survive restarts.
 */
final class JwtSecretResolver {
    static final String SECRET_FILE = "jwt-secret";
    static final int MIN_SECRET_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private JwtSecretResolver() {
    }

    static SecretKey resolve(String configuredSecret, String datasourceUrl, Path dataDir) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            return key(configuredSecret, "CHAT_JWT_SECRET (chat.jwt-secret)");
        }
        if (isEmbeddedDefault(datasourceUrl)) {
            Path file = dataDir.resolve(SECRET_FILE);
            return key(readOrCreate(file), file.toString());
        }
        // Every node of a shared database must sign with the same key, so a generated one would be wrong.
        throw new IllegalStateException("No JWT secret configured. Set CHAT_JWT_SECRET (chat.jwt-secret) to a random"
                + " string of at least " + MIN_SECRET_BYTES + " bytes, the same on every node. Only the embedded H2"
                + " default (no CHAT_DB_URL) generates its own secret in the data directory.");
    }

    static boolean isEmbeddedDefault(String datasourceUrl) {
        return datasourceUrl != null && datasourceUrl.startsWith("jdbc:h2:file:");
    }

    private static SecretKey key(String secret, String source) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("The JWT secret from " + source + " is too short: HS256 needs at least "
                    + MIN_SECRET_BYTES + " bytes.");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
                // An empty file never signed anything (a crash mid-write), so replacing it loses no token.
                if (!existing.isEmpty()) {
                    restrictToOwner(file);
                    return existing;
                }
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[64];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path temp = Files.createTempFile(file.getParent(), SECRET_FILE, ".tmp");
            restrictToOwner(temp);
            Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT secret file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            var f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
    }
}
