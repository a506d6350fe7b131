package dev.sumlog.cli;

import dev.sumlog.job.BackfillSpec;
import dev.sumlog.job.HttpSourceSpec;
import dev.sumlog.release.FileNameClassifier;
import dev.sumlog.release.Layout;
import dev.sumlog.submit.SubmitPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads a job file with Spring Boot's binder (so values convert like any Boot property and unknown
 * keys are rejected by name), applies command-line overrides, fills defaults and validates. Relative
 * paths in a job file are relative to the job file's directory; on the command line, to the
 * working directory. Every error names the file and the field.
 */
final class JobFileLoader {

    static final String PREFIX = "job";
    /** A name in the reserved .invalid domain: it cannot be mistaken for someone's real log. */
    static final String DEFAULT_ORIGIN = "sumlog.invalid/log";
    /** Entries per log append: each append fsyncs its tiles and one new checkpoint (measured: README, Performance). */
    static final int DEFAULT_LOG_BATCH = 1024;

    private JobFileLoader() {
    }

    static JobFile load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("job file " + file + ": no such file");
        }
        List<PropertySource<?>> yaml;
        try {
            yaml = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            throw new UsageException("job file " + file + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        Map<String, Object> prefixed = new LinkedHashMap<>();
        // Flattening drops the origins the binder would need for its messages; keep each field's line.
        Map<String, Integer> lines = new HashMap<>();
        for (PropertySource<?> source : yaml) {
            if (source instanceof MapPropertySource map) {
                // YAML values carry their origin; the binder converts plain strings.
                map.getSource().forEach((key, value) -> {
                    prefixed.put(PREFIX + "." + key,
                            value instanceof OriginTrackedValue tracked ? tracked.getValue().toString() : value);
                    if (value instanceof OriginTrackedValue tracked
                            && tracked.getOrigin() instanceof TextResourceOrigin text && text.getLocation() != null) {
                        lines.put(key, text.getLocation().getLine() + 1);
                    }
                });
            }
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(new MapPropertySource(file.toString(), prefixed)),
                null, ApplicationConversionService.getSharedInstance());
        JobFile bound;
        try {
            bound = binder.bind(PREFIX, Bindable.of(JobFile.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                    .orElseGet(JobFile::empty);
        } catch (BindException e) {
            throw new UsageException("job file " + file + ": " + BindErrors.describe(e, lines, prefixed));
        }
        new JobFileChecks("job file " + file, lines, false).check(bound);
        new LogsResolver("job file " + file, lines).resolve(bound.log(), bound.logs());
        Path base = file.toAbsolutePath().getParent();
        JobFile.Log log = bound.log() == null ? null : new JobFile.Log(resolve(base, bound.log().dir()),
                bound.log().origin(), bound.log().rate(), bound.log().burst(), bound.log().attempts());
        return new JobFile(resolveSource(base, bound.source()), resolve(base, bound.out()), resolve(base, bound.state()),
                bound.layout(), bound.include(), bound.exclude(), bound.mutable(), bound.writeIntoSource(), bound.tuning(),
                bound.publicUrl(), log, LogsResolver.relativeTo(base, bound.logs()), bound.archiveId(), bound.integrity(),
                bound.keyrings() == null ? null : bound.keyrings().stream().map(k -> resolve(base, k)).toList(),
                bound.onBad(), bound.http(), resolve(base, bound.report()), resolve(base, bound.metrics()));
    }

    /**
     * Combines job file and flags (flags win), fills defaults, and checks the result. Creates nothing:
     * {@link Preflight} creates and probes the directories once the whole job is known to be valid.
     */
    static BackfillSpec resolve(JobFile file, JobFile flags, String origin) {
        // A job file loaded by load() was checked with its lines already; this also covers other callers.
        new JobFileChecks(origin, Map.of(), false).check(file);
        new JobFileChecks("command line", Map.of(), true).check(flags);
        String source = pick(flags.source(), file.source());
        Path out = pick(flags.out(), file.out());
        if (source == null) {
            throw new UsageException(origin + ": field 'source' is required (--source DIR or --source https://host/path/)");
        }
        if (out == null) {
            throw new UsageException(origin + ": field 'out' is required (--out DIR)");
        }
        HttpSourceSpec http = HttpSourceResolver.isUrl(source)
                ? new HttpSourceResolver(origin, System.getenv()).resolve(source, file.http()) : null;
        if (http == null && !Files.isDirectory(Path.of(source))) {
            throw new UsageException(origin + ": field 'source': not a directory: " + source);
        }
        boolean writeIntoSource = Boolean.TRUE.equals(pick(flags.writeIntoSource(), file.writeIntoSource()));
        Path state = pick(pick(flags.state(), file.state()), Path.of("state"));
        PathRules.Placement where = http != null ? PathRules.placeWithoutSource(out, state, origin)
                : PathRules.place(Path.of(source), out, state, writeIntoSource, origin);
        JobFile.Tuning tuning = file.tuning() == null ? new JobFile.Tuning(null, null, null) : file.tuning();
        JobFile.Tuning flagTuning = flags.tuning() == null ? new JobFile.Tuning(null, null, null) : flags.tuning();
        int threads = pick(pick(flagTuning.threads(), tuning.threads()), Runtime.getRuntime().availableProcessors());
        int chunkSize = pick(pick(flagTuning.chunkSize(), tuning.chunkSize()), 64);
        if (threads < 1 || threads > 256) {
            throw new UsageException(origin + ": field 'tuning.threads': must be 1..256, was " + threads);
        }
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new UsageException(origin + ": field 'tuning.chunk-size': must be 1..10000, was " + chunkSize);
        }
        int logBatch = pick(pick(flagTuning.logBatch(), tuning.logBatch()), DEFAULT_LOG_BATCH);
        if (logBatch < 1 || logBatch > 10_000) {
            throw new UsageException(origin + ": field 'tuning.log-batch': must be 1..10000, was " + logBatch);
        }
        String publicUrl = pick(flags.publicUrl(), file.publicUrl());
        String publicSource = pick(publicUrl, http != null ? http.root().toString() : where.source().toUri().toString());
        LogsResolver.Logs logs = new LogsResolver(origin, Map.of()).resolve(file.log(), file.logs());
        if (publicUrl == null && logs.remote().stream().anyMatch(r -> r.kind() == BackfillSpec.RemoteKind.RGET)) {
            throw new UsageException(origin + ": field 'public-url' is required with an rget recorder (it fetches each "
                    + "sums file from its public URL)");
        }
        return new BackfillSpec(where.source(), where.out(), where.state(),
                pick(pick(flags.layout(), file.layout()), Layout.FLAT),
                pick(file.include(), List.of()), pick(file.exclude(), List.of()),
                pick(file.mutable(), FileNameClassifier.DEFAULT_MUTABLE_PATTERNS),
                writeIntoSource, threads, chunkSize,
                pick(pick(flags.archiveId(), file.archiveId()), publicSource), publicSource,
                logs.embeddedListed() ? logSpec(logs.embedded(), where.state(), origin, logBatch) : null,
                logs.remote(), http, new ChecksResolver(origin).resolve(file),
                new BackfillSpec.Reporting(file.report(), file.metrics()));
    }

    /** Defaults: the log lives in the state directory, unlimited rate (it is local), 5 attempts. */
    private static BackfillSpec.LogSpec logSpec(JobFile.Log log, Path stateDir, String origin, int batch) {
        JobFile.Log given = log == null ? new JobFile.Log(null, null, null, null, null) : log;
        String logOrigin = pick(given.origin(), DEFAULT_ORIGIN);
        if (logOrigin.isEmpty() || logOrigin.contains(" ") || logOrigin.contains("+")) {
            throw new UsageException(origin + ": field 'log.origin': must be non-empty, without spaces or '+'");
        }
        SubmitPolicy defaults = SubmitPolicy.unlimited();
        double rate = pick(given.rate(), defaults.ratePerSecond());
        int burst = pick(given.burst(), defaults.burst());
        int attempts = pick(given.attempts(), defaults.maxAttempts());
        // Checked here, field by field, so the message names the field (SubmitPolicy only says all three).
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new UsageException(origin + ": field 'log.rate': must be a number >= 0 (0 = unlimited), was " + rate);
        }
        if (burst < 1) {
            throw new UsageException(origin + ": field 'log.burst': must be >= 1, was " + burst);
        }
        if (attempts < 1) {
            throw new UsageException(origin + ": field 'log.attempts': must be >= 1, was " + attempts);
        }
        SubmitPolicy policy = new SubmitPolicy(rate, burst, attempts, defaults.initialDelay(), defaults.maxDelay());
        return new BackfillSpec.LogSpec(pick(given.dir(), stateDir.resolve("log")), logOrigin, policy, batch);
    }

    /** A relative directory is relative to the job file; a URL is taken as written. */
    private static String resolveSource(Path base, String source) {
        return source == null || HttpSourceResolver.isUrl(source) ? source : base.resolve(source).normalize().toString();
    }

    private static Path resolve(Path base, Path path) {
        return path == null ? null : base.resolve(path).normalize();
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String firstLine(String message) {
        return Objects.requireNonNullElse(message, "").lines().findFirst().orElse("");
    }
}
