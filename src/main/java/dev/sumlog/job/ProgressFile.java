package dev.sumlog.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * {@code <state>/progress}: the running backfill's latest progress line, replaced atomically each
 * time it prints one. {@code status} shows it while the run holds the catalog (H2 in file mode
 * admits one process). Best effort: a failed write never disturbs the run.
 */
public final class ProgressFile {

    public static final String NAME = "progress";

    private final Path file;

    public ProgressFile(Path stateDir) {
        this.file = stateDir.resolve(NAME);
    }

    public void publish(long runId, String line) {
        String text = "run " + runId + ", pid " + ProcessHandle.current().pid() + ", at " + Instant.now() + "\n"
                + line + "\n";
        Path temp = file.resolveSibling(NAME + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // progress is a courtesy to `status`; the run's own output already printed the line
        }
    }

    /** The last published progress, or null when there is none. */
    public static String read(Path stateDir) {
        try {
            return Files.readString(stateDir.resolve(NAME), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
