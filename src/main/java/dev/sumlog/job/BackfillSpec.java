package dev.sumlog.job;

import dev.sumlog.release.Layout;
import java.nio.file.Path;
import java.util.List;

/**
 * One backfill, fully resolved from the job file and the command line. Paths are absolute and real.
 *
 * <p>{@code source} and {@code out} identify the backfill (they are the identifying job parameters);
 * everything else is tuning or classification that may change between runs of the same backfill.
 */
public record BackfillSpec(
        Path source,
        Path out,
        Path state,
        Layout layout,
        List<String> include,
        List<String> exclude,
        List<String> mutable,
        boolean writeIntoSource,
        int threads,
        int chunkSize) {

    /** The catalog's name for the source: its absolute real path. */
    public String sourceId() {
        return source.toString();
    }
}
