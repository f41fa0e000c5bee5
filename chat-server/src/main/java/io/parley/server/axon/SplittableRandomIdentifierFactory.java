package io.parley.server.axon;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Axon's message identifiers as random (version 4) UUIDs drawn without {@link UUID#randomUUID()}'s shared
 * {@link SecureRandom}, whose lock every command, event and query would otherwise contend for.
 * <p>
 * A message id must be unique, not unpredictable: it is never a secret, a token or a key that grants anything.
 * So each thread draws from its own {@link SplittableRandom}, split once from a root seeded by {@link SecureRandom}:
 * split generators have their own seed and increment, so threads do not walk one sequence, and nodes seed their
 * roots independently. Registered through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public class SplittableRandomIdentifierFactory extends IdentifierFactory {
    private static final SplittableRandom ROOT = new SplittableRandom(new SecureRandom().nextLong());
    private static final ThreadLocal<SplittableRandom> PER_THREAD = ThreadLocal.withInitial(
            SplittableRandomIdentifierFactory::split);

    private static SplittableRandom split() {
        synchronized (ROOT) {
            return ROOT.split();
        }
    }

    @Override
    public String generateIdentifier() {
        SplittableRandom random = PER_THREAD.get();
        // RFC 4122 layout: version 4 in bits 12-15 of the high half, variant 10 in the top bits of the low half.
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
