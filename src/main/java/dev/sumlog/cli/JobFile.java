package dev.sumlog.cli;

import dev.sumlog.release.Layout;
import java.nio.file.Path;
import java.util.List;

/**
 * A job file (YAML, see {@code jobs/}) as written, before command-line flags are applied. Every
 * field is optional here; {@link JobFileLoader} fills defaults and validates.
 */
public record JobFile(
        Path source,
        Path out,
        Path state,
        Layout layout,
        List<String> include,
        List<String> exclude,
        List<String> mutable,
        Boolean writeIntoSource,
        Tuning tuning) {

    /** Per-run performance settings. */
    public record Tuning(Integer threads, Integer chunkSize) {
    }

    static JobFile empty() {
        return new JobFile(null, null, null, null, null, null, null, null, null);
    }
}
