package dev.sumlog.cli;

import dev.sumlog.release.Layout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * A job file (YAML, see {@code jobs/}) as written, before command-line flags are applied. Every
 * field is optional here; {@link JobFileLoader} fills defaults and validates. {@code archiveId} names
 * the archive in the catalog (its identity), independent of where it is mounted today.
 * {@code source} is a directory or an http(s) URL of an index listing. {@code report} is the JSON
 * report file every run replaces, {@code metrics} a node_exporter textfile directory.
 */
public record JobFile(
        String source,
        Path out,
        Path state,
        Layout layout,
        List<String> include,
        List<String> exclude,
        List<String> mutable,
        Boolean writeIntoSource,
        Tuning tuning,
        String publicUrl,
        Log log,
        List<LogConfig> logs,
        String archiveId,
        IntegrityConfig integrity,
        List<Path> keyrings,
        String onBad,
        HttpConfig http,
        Path report,
        Path metrics) {

    /**
     * A job of a local source without the read checks' fields. A factory, not a constructor: the
     * binder needs the record's one constructor.
     */
    public static JobFile local(Path source, Path out, Path state, Layout layout, List<String> include,
                                List<String> exclude, List<String> mutable, Boolean writeIntoSource, Tuning tuning,
                                String publicUrl, Log log, List<LogConfig> logs, String archiveId) {
        return new JobFile(source == null ? null : source.toString(), out, state, layout, include, exclude, mutable,
                writeIntoSource, tuning, publicUrl, log, logs, archiveId, null, null, null, null, null, null);
    }

    /**
     * Archive integrity checks ({@code integrity:}): on unless {@code enabled: false}; the caps bound what
     * one archive may make the inspection unpack (decompression bombs).
     */
    public record IntegrityConfig(Boolean enabled, Long maxRatio, DataSize ratioFloor, DataSize maxUnpacked,
                                  Long maxEntries) {
    }

    /**
     * How an HTTP source is fetched ({@code http:}). {@code headers} values are secrets (never logged);
     * a value {@code env:NAME} is read from the environment variable NAME, so a token need not be
     * written in the job file. {@code proxy} is {@code host:port}. {@code rate} is requests per second
     * per host, {@code concurrency} downloads at once.
     */
    public record HttpConfig(Duration connectTimeout, Duration timeout, Duration readTimeout, String userAgent,
                             Map<String, String> headers, String proxy, Integer concurrency, Double rate, Integer burst,
                             Integer attempts, Integer maxDepth, Integer maxPages, Integer maxLinks) {
    }

    /**
     * Per-run performance settings: files hashed in parallel, items per committed chunk, and entries
     * per log append (a log batch may be larger than a chunk: each append is one fsynced checkpoint).
     */
    public record Tuning(Integer threads, Integer chunkSize, Integer logBatch) {
    }

    /**
     * The transparency log. {@code rate} is requests per second (0 = unlimited), {@code burst} how
     * many may go at once, {@code attempts} the retry budget per batch.
     */
    public record Log(Path dir, String origin, Double rate, Integer burst, Integer attempts) {
    }

    /**
     * One entry of {@code logs:}: where releases are recorded. {@code target} is {@code embedded} (the
     * fields of {@link Log} apply), {@code rekor-v1}, {@code rekor-v2} or {@code rget}. The log's key
     * comes from {@code trusted-root} (a Sigstore trusted_root.json, the log found by URL) or
     * {@code log-key} (its PEM public key); {@code signing-key} names the release signing key (else
     * {@code SUMLOG_SIGNING_KEY}); timestamps from {@code timestamp-url} are verified with the TSA chain of
     * the trusted root or, beside a {@code log-key}, of {@code timestamp-chain} (PEM certificates, leaf
     * first); {@code concurrency} uploads run in parallel within {@code rate}.
     */
    public record LogConfig(String target, String url, Path dir, String origin, Path trustedRoot, Path logKey,
                            Path signingKey, String timestampUrl, Path timestampChain, Double rate, Integer burst, Integer concurrency,
                            Integer attempts, java.time.Duration timeout) {
    }

    static JobFile empty() {
        return local(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
