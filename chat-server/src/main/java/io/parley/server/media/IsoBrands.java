package io.parley.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Tells MP4 from QuickTime by the brands of the file's {@code ftyp} box. Tika's magic knows MP4 only by a few
 * major brands and calls the most common one ({@code isom}, what ffmpeg writes) QuickTime.
 */
final class IsoBrands {
    private static final Set<String> MP4 = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1",
            "dash", "M4V ");

    private IsoBrands() {
    }

    /** True when the {@code ftyp} box's major brand is not QuickTime's and one of its brands is an MP4 one. */
    static boolean isMp4(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        if (head.length < 16 || !new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) return false;
        int boxSize = Math.min(head.length, ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16)
                | ((head[2] & 0xff) << 8) | (head[3] & 0xff));
        String major = new String(head, 8, 4, StandardCharsets.US_ASCII);
        if (major.equals("qt  ")) return false;
        if (MP4.contains(major)) return true;
        for (int at = 16; at + 4 <= boxSize; at += 4) {
            if (MP4.contains(new String(head, at, 4, StandardCharsets.US_ASCII))) return true;
        }
        return false;
    }
}
