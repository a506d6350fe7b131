package dev.sumlog.cli;

import dev.sumlog.job.BackfillSpec.LogSpec;
import dev.sumlog.job.BackfillSpec.RemoteKind;
import dev.sumlog.job.BackfillSpec.RemoteLogSpec;
import dev.sumlog.submit.SubmitPolicy;
import dev.sumlog.support.OneLine;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a job's {@code log:} section (the embedded log, as before) or its {@code logs:} list into the
 * logs a backfill records releases in. Each error names the field ({@code logs[1].url}) and, in a job
 * file, its line. Keys are not read here: that happens when the logs are opened, where the
 * environment ({@code SUMLOG_SIGNING_KEY}) is known.
 */
final class LogsResolver {

    /** About 5 requests per second is known to be safe on Sigstore's public logs (issue 8). */
    static final double DEFAULT_REMOTE_RATE = 5;
    /** Sigstore asks for write timeouts of at least 20 s on Rekor v2: it answers once a checkpoint covers the entry. */
    static final Duration MIN_V2_TIMEOUT = Duration.ofSeconds(20);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String origin;
    private final Map<String, Integer> lines;

    LogsResolver(String origin, Map<String, Integer> lines) {
        this.origin = origin;
        this.lines = lines;
    }

    /** The logs of a job: the embedded one (null when a {@code logs:} list leaves it out) and the remote ones. */
    record Logs(JobFile.Log embedded, boolean embeddedListed, List<RemoteLogSpec> remote) {
    }

    Logs resolve(JobFile.Log log, List<JobFile.LogConfig> logs) {
        if (logs == null) {
            return new Logs(log, true, List.of());
        }
        if (log != null) {
            throw fail("log", "give either 'log' (the embedded log alone) or 'logs' (a list), not both");
        }
        if (logs.isEmpty()) {
            throw fail("logs", "must name at least one log");
        }
        JobFile.Log embedded = null;
        boolean embeddedListed = false;
        List<RemoteLogSpec> remote = new ArrayList<>();
        Set<URI> urls = new HashSet<>();
        for (int i = 0; i < logs.size(); i++) {
            JobFile.LogConfig c = logs.get(i);
            String at = "logs[" + i + "]";
            if (c.target() == null) {
                throw fail(at + ".target", "required: embedded, rekor-v1, rekor-v2 or rget");
            }
            String target = c.target().toLowerCase(Locale.ROOT);
            if (target.equals("embedded")) {
                if (embeddedListed) {
                    throw fail(at + ".target", "the embedded log is listed twice");
                }
                onlyEmbeddedFields(c, at);
                embeddedListed = true;
                embedded = new JobFile.Log(c.dir(), c.origin(), c.rate(), c.burst(), c.attempts());
                continue;
            }
            RemoteKind kind = kind(target, at);
            RemoteLogSpec spec = remote(kind, c, at);
            if (!urls.add(spec.url())) {
                throw fail(at + ".url", "the log " + spec.url() + " is listed twice");
            }
            remote.add(spec);
        }
        return new Logs(embedded, embeddedListed, remote);
    }

    private RemoteLogSpec remote(RemoteKind kind, JobFile.LogConfig c, String at) {
        if (c.dir() != null || c.origin() != null) {
            throw fail(at + (c.dir() != null ? ".dir" : ".origin"), "only the embedded log has a dir and an origin");
        }
        URI url = httpUrl(c.url(), at + ".url", true);
        boolean sigstore = kind != RemoteKind.RGET;
        if (sigstore && (c.trustedRoot() == null) == (c.logKey() == null)) {
            throw fail(at + ".trusted-root", "give exactly one of 'trusted-root' (Sigstore trusted_root.json) and "
                    + "'log-key' (the log's PEM public key)");
        }
        if (!sigstore && (c.trustedRoot() != null || c.logKey() != null || c.signingKey() != null
                || c.timestampUrl() != null || c.timestampChain() != null)) {
            throw fail(at + ".target", "an rget recorder takes only url, rate, burst, concurrency, attempts and timeout");
        }
        URI timestampUrl = c.timestampUrl() == null ? null : httpUrl(c.timestampUrl(), at + ".timestamp-url", false);
        if (timestampUrl != null && c.trustedRoot() == null && c.timestampChain() == null) {
            throw fail(at + ".timestamp-chain", "required with 'log-key' and 'timestamp-url': the timestamp "
                    + "authority's certificate chain (PEM, leaf first) that its timestamps are verified with");
        }
        if (c.timestampChain() != null && (timestampUrl == null || c.trustedRoot() != null)) {
            throw fail(at + ".timestamp-chain", "only with 'timestamp-url' and 'log-key' (a trusted root holds its own "
                    + "timestamp authorities)");
        }
        if (kind == RemoteKind.REKOR_V2 && timestampUrl == null) {
            throw fail(at + ".timestamp-url", "required for rekor-v2 (it returns no signed time; an RFC 3161 "
                    + "timestamp gives one, e.g. https://timestamp.sigstore.dev/api/v1/timestamp)");
        }
        double rate = c.rate() == null ? DEFAULT_REMOTE_RATE : c.rate();
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw fail(at + ".rate", "must be a number of requests per second > 0 (a public log is never unlimited), was "
                    + c.rate());
        }
        int burst = c.burst() == null ? 1 : c.burst();
        int attempts = c.attempts() == null ? SubmitPolicy.unlimited().maxAttempts() : c.attempts();
        int concurrency = c.concurrency() == null ? (kind == RemoteKind.REKOR_V2 ? 4 : 1) : c.concurrency();
        Duration timeout = c.timeout() == null ? DEFAULT_TIMEOUT : c.timeout();
        if (burst < 1) {
            throw fail(at + ".burst", "must be >= 1, was " + burst);
        }
        if (attempts < 1) {
            throw fail(at + ".attempts", "must be >= 1, was " + attempts);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw fail(at + ".concurrency", "must be 1..64, was " + concurrency);
        }
        if (kind == RemoteKind.REKOR_V2 && timeout.compareTo(MIN_V2_TIMEOUT) < 0) {
            throw fail(at + ".timeout", "must be at least 20s for rekor-v2 (it answers once a checkpoint covers the "
                    + "entry), was " + timeout.toSeconds() + "s");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw fail(at + ".timeout", "must be positive");
        }
        SubmitPolicy defaults = SubmitPolicy.unlimited();
        SubmitPolicy policy = new SubmitPolicy(rate, burst, attempts, defaults.initialDelay(), defaults.maxDelay());
        return new RemoteLogSpec(kind, url, c.trustedRoot(), c.logKey(), c.signingKey(), timestampUrl,
                c.timestampChain(), policy, concurrency, timeout);
    }

    private void onlyEmbeddedFields(JobFile.LogConfig c, String at) {
        String stray = c.url() != null ? "url" : c.trustedRoot() != null ? "trusted-root" : c.logKey() != null ? "log-key"
                : c.signingKey() != null ? "signing-key" : c.timestampUrl() != null ? "timestamp-url"
                : c.timestampChain() != null ? "timestamp-chain"
                : c.concurrency() != null ? "concurrency" : c.timeout() != null ? "timeout" : null;
        if (stray != null) {
            throw fail(at + "." + stray, "not a field of the embedded log (it takes dir, origin, rate, burst, attempts)");
        }
    }

    private RemoteKind kind(String target, String at) {
        for (RemoteKind kind : RemoteKind.values()) {
            if (kind.target().equals(target)) {
                return kind;
            }
        }
        throw fail(at + ".target", "unknown log target " + OneLine.quote(target)
                + "; expected embedded, rekor-v1, rekor-v2 or rget");
    }

    private URI httpUrl(String value, String field, boolean directory) {
        if (value == null || value.isBlank()) {
            throw fail(field, "required (an http or https URL)");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw fail(field, "not a URL: " + e.getReason() + " in \"" + OneLine.escape(value) + "\"");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw fail(field, "expected an http or https URL with a host, got \"" + OneLine.escape(value) + "\"");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw fail(field, "no query, fragment or user info, got \"" + OneLine.escape(value) + "\"");
        }
        if (directory) {
            // One spelling per log: the catalog keys submissions by it.
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            uri = URI.create(scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path);
        }
        return uri;
    }

    private UsageException fail(String field, String reason) {
        Integer line = lines.get(field);
        return new UsageException(origin + ": " + (line == null ? "" : "line " + line + ": ") + "field '" + field
                + "': " + reason);
    }

    /** Relative paths in a job file are relative to the job file's directory. */
    static List<JobFile.LogConfig> relativeTo(Path base, List<JobFile.LogConfig> logs) {
        if (logs == null) {
            return null;
        }
        return logs.stream().map(c -> new JobFile.LogConfig(c.target(), c.url(), resolve(base, c.dir()), c.origin(),
                resolve(base, c.trustedRoot()), resolve(base, c.logKey()), resolve(base, c.signingKey()),
                c.timestampUrl(), resolve(base, c.timestampChain()), c.rate(), c.burst(), c.concurrency(), c.attempts(),
                c.timeout())).toList();
    }

    private static Path resolve(Path base, Path path) {
        return path == null ? null : base.resolve(path).normalize();
    }
}
