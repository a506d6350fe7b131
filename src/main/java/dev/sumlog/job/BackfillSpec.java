package dev.sumlog.job;

import dev.sumlog.release.Layout;
import dev.sumlog.submit.SubmitPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One backfill, fully resolved from the job file and the command line. Paths are absolute and real.
 * The archive is either a local tree ({@code source}, with {@code http} null) or an HTTP listing
 * ({@code http}, with {@code source} null).
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
        LogSpec log,
        List<RemoteLogSpec> remoteLogs,
        HttpSourceSpec http,
        ReadChecks checks,
        Reporting reporting) {

    /**
     * Where a run leaves its results for machines besides its output lines: a JSON report (replaced
     * atomically after every run) and a Prometheus node_exporter textfile directory; either may be null.
     */
    public record Reporting(Path report, Path metrics) {
        public static final Reporting NONE = new Reporting(null, null);
    }

    public BackfillSpec {
        remoteLogs = List.copyOf(remoteLogs);
        if ((source == null) == (http == null)) {
            throw new IllegalArgumentException("exactly one of a local source and an HTTP source");
        }
    }

    /** True when the archive is read over HTTP. */
    public boolean remoteSource() {
        return http != null;
    }

    /** The source as people name it: the directory, or the listing's URL. */
    public String sourceLocation() {
        return remoteSource() ? http.root().toString() : source.toString();
    }

    /** True when the job records releases in the embedded log (the default; a {@code logs:} list may leave it out). */
    public boolean embeddedLog() {
        return log != null;
    }

    /**
     * Where releases are logged: the embedded tile log in {@code dir} (publishable as static files)
     * under {@code origin}, with the submit path's rate limit and retry budget, {@code batch} entries
     * per append.
     */
    public record LogSpec(Path dir, String origin, SubmitPolicy policy, int batch) {
    }

    /** The kinds of log run by someone else that sumlog submits to over HTTP. */
    public enum RemoteKind {
        REKOR_V1("rekor-v1"), REKOR_V2("rekor-v2"), RGET("rget");

        private final String target;

        RemoteKind(String target) {
            this.target = target;
        }

        /** The job file's {@code target:} value. */
        public String target() {
            return target;
        }
    }

    /**
     * A log run by someone else (job file {@code logs[i]}). Exactly one of {@code trustedRoot} and
     * {@code logKey} names the log's key (neither for rget, which returns nothing to verify);
     * {@code signingKey} may be null, and then {@code SUMLOG_SIGNING_KEY} names it at run time.
     * {@code concurrency} requests are in flight at once, all within {@code policy}'s rate.
     */
    public record RemoteLogSpec(RemoteKind kind, URI url, Path trustedRoot, Path logKey, Path signingKey,
                                URI timestampUrl, Path timestampChain, SubmitPolicy policy, int concurrency,
                                Duration timeout) {
    }

    /**
     * The catalog's name for the source: the job's archive-id, else its public URL, else its file: URL.
     * Not the local path: moving a mirror to another disk must not make it a new archive.
     */
    public String sourceId() {
        return archiveId;
    }
}
