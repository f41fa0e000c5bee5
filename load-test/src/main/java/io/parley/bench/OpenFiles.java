package io.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The open-file limit of this process (every socket is one), from /proc/self/limits; -1 if unknown. */
final class OpenFiles {
    private OpenFiles() {
    }

    static long limit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream()
                    .filter(l -> l.startsWith("Max open files"))
                    .map(l -> l.substring("Max open files".length()).trim().split("\\s+")[0])
                    .mapToLong(v -> v.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(v))
                    .findFirst().orElse(-1);
        } catch (Exception e) {
            return -1;
        }
    }
}
