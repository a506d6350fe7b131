package dev.sumlog.cli;

import dev.sumlog.job.BackfillSpec;
import dev.sumlog.release.FileNameClassifier;
import dev.sumlog.release.Layout;
import dev.sumlog.submit.SubmitPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.OriginTrackedValue;
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
        for (PropertySource<?> source : yaml) {
            if (source instanceof MapPropertySource map) {
                // YAML values carry their origin; the binder converts plain strings.
                map.getSource().forEach((key, value) -> prefixed.put(PREFIX + "." + key,
                        value instanceof OriginTrackedValue tracked ? tracked.getValue().toString() : value));
            }
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(new MapPropertySource(file.toString(), prefixed)),
                null, ApplicationConversionService.getSharedInstance());
        JobFile bound;
        try {
            bound = binder.bind(PREFIX, Bindable.of(JobFile.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                    .orElseGet(JobFile::empty);
        } catch (BindException e) {
            throw new UsageException("job file " + file + ": " + describe(e));
        }
        Path base = file.toAbsolutePath().getParent();
        JobFile.Log log = bound.log() == null ? null : new JobFile.Log(resolve(base, bound.log().dir()),
                bound.log().origin(), bound.log().rate(), bound.log().burst(), bound.log().attempts());
        return new JobFile(resolve(base, bound.source()), resolve(base, bound.out()), resolve(base, bound.state()),
                bound.layout(), bound.include(), bound.exclude(), bound.mutable(), bound.writeIntoSource(), bound.tuning(),
                bound.publicUrl(), log);
    }

    /** Combines job file and flags (flags win), fills defaults, and checks the result. */
    static BackfillSpec resolve(JobFile file, JobFile flags, String origin) {
        Path source = pick(flags.source(), file.source());
        Path out = pick(flags.out(), file.out());
        if (source == null) {
            throw new UsageException(origin + ": field 'source' is required (--source DIR)");
        }
        if (out == null) {
            throw new UsageException(origin + ": field 'out' is required (--out DIR)");
        }
        if (!Files.isDirectory(source)) {
            throw new UsageException(origin + ": field 'source': not a directory: " + source);
        }
        Path realSource;
        Path absoluteOut;
        try {
            realSource = source.toRealPath();
            Files.createDirectories(out);
            absoluteOut = out.toRealPath();
        } catch (IOException e) {
            throw new UsageException(origin + ": field 'out': cannot create " + out + ": " + e.getMessage());
        }
        boolean writeIntoSource = Boolean.TRUE.equals(pick(flags.writeIntoSource(), file.writeIntoSource()));
        if (absoluteOut.startsWith(realSource) && !writeIntoSource) {
            throw new UsageException(origin + ": field 'out': " + out + " is inside the source archive; "
                    + "set 'write-into-source: true' in the job file to allow writing there");
        }
        Path state = pick(pick(flags.state(), file.state()), Path.of("state"));
        JobFile.Tuning tuning = file.tuning() == null ? new JobFile.Tuning(null, null) : file.tuning();
        JobFile.Tuning flagTuning = flags.tuning() == null ? new JobFile.Tuning(null, null) : flags.tuning();
        int threads = pick(pick(flagTuning.threads(), tuning.threads()), Runtime.getRuntime().availableProcessors());
        int chunkSize = pick(pick(flagTuning.chunkSize(), tuning.chunkSize()), 64);
        if (threads < 1 || threads > 256) {
            throw new UsageException(origin + ": field 'tuning.threads': must be 1..256, was " + threads);
        }
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new UsageException(origin + ": field 'tuning.chunk-size': must be 1..10000, was " + chunkSize);
        }
        Path stateDir = state.toAbsolutePath().normalize();
        return new BackfillSpec(realSource, absoluteOut, stateDir,
                pick(pick(flags.layout(), file.layout()), Layout.FLAT),
                pick(file.include(), List.of()), pick(file.exclude(), List.of()),
                pick(file.mutable(), FileNameClassifier.DEFAULT_MUTABLE_PATTERNS),
                writeIntoSource, threads, chunkSize,
                pick(pick(flags.publicUrl(), file.publicUrl()), realSource.toUri().toString()),
                logSpec(file.log(), stateDir, origin));
    }

    /** Defaults: the log lives in the state directory, unlimited rate (it is local), 5 attempts. */
    private static BackfillSpec.LogSpec logSpec(JobFile.Log log, Path stateDir, String origin) {
        JobFile.Log given = log == null ? new JobFile.Log(null, null, null, null, null) : log;
        String logOrigin = pick(given.origin(), DEFAULT_ORIGIN);
        if (logOrigin.isEmpty() || logOrigin.contains(" ") || logOrigin.contains("+")) {
            throw new UsageException(origin + ": field 'log.origin': must be non-empty, without spaces or '+'");
        }
        SubmitPolicy defaults = SubmitPolicy.unlimited();
        try {
            SubmitPolicy policy = new SubmitPolicy(pick(given.rate(), defaults.ratePerSecond()),
                    pick(given.burst(), defaults.burst()), pick(given.attempts(), defaults.maxAttempts()),
                    defaults.initialDelay(), defaults.maxDelay());
            return new BackfillSpec.LogSpec(pick(given.dir(), stateDir.resolve("log")), logOrigin, policy);
        } catch (IllegalArgumentException e) {
            throw new UsageException(origin + ": field 'log': " + e.getMessage());
        }
    }

    private static String describe(BindException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnboundConfigurationPropertiesException unbound) {
            return "unknown field(s): " + unbound.getUnboundProperties().stream()
                    .map(p -> "'" + p.getName().toString().replaceFirst("^" + PREFIX + "\\.", "") + "'")
                    .sorted().distinct().reduce((a, b) -> a + ", " + b).orElse("?");
        }
        String name = e.getName().toString().replaceFirst("^" + PREFIX + "\\.", "");
        Throwable root = cause;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        return "field '" + name + "': " + firstLine(root != null ? root.getMessage() : e.getMessage());
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
