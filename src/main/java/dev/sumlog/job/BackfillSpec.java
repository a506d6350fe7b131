package dev.sumlog.job;

import dev.sumlog.release.Layout;
import dev.sumlog.submit.SubmitPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * One backfill, fully resolved from the job file and the command line. Paths are absolute and real.
 *
 * <p>{@code archiveId} identifies the backfill (the catalog keys every row by it, and it is the
 * identifying job parameter), so the same archive mounted at another path is still the same archive;
 * everything else is tuning or classification that may change between runs of the same backfill.
 * {@code publicSource} is how log entries name the archive (its public URL, or a file: URL).
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
        int chunkSize,
        String archiveId,
        String publicSource,
        LogSpec log) {

    /**
     * Where releases are logged: the embedded tile log in {@code dir} (publishable as static files)
     * under {@code origin}, with the submit path's rate limit and retry budget, {@code batch} entries
     * per append.
     */
    public record LogSpec(Path dir, String origin, SubmitPolicy policy, int batch) {
    }

    /**
     * The catalog's name for the source: the job's archive-id, else its public URL, else its file: URL.
     * Not the local path: moving a mirror to another disk must not make it a new archive.
     */
    public String sourceId() {
        return archiveId;
    }
}
