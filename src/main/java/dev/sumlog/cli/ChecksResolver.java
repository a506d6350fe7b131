package dev.sumlog.cli;

import dev.sumlog.digest.archive.Limits;
import dev.sumlog.job.ReadChecks;
import dev.sumlog.signature.KeyringException;
import dev.sumlog.signature.Keyrings;
import dev.sumlog.signature.TrustedKeys;
import java.nio.file.Path;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * The job file's {@code integrity:}, {@code keyrings:} and {@code on-bad:} fields, resolved with defaults.
 * Keyrings are loaded here, before anything starts, so a missing or unreadable keyring is one line and
 * exit 2 rather than a run that silently checks nothing.
 */
final class ChecksResolver {

    private final String origin;

    ChecksResolver(String origin) {
        this.origin = origin;
    }

    ReadChecks resolve(JobFile file) {
        ReadChecks.OnBad onBad;
        try {
            onBad = file.onBad() == null ? ReadChecks.OnBad.FLAG : ReadChecks.OnBad.parse(file.onBad());
        } catch (IllegalArgumentException e) {
            throw new UsageException(origin + ": field 'on-bad': " + e.getMessage());
        }
        List<Path> keyrings = file.keyrings() == null ? List.of() : file.keyrings();
        TrustedKeys keys = null;
        if (!keyrings.isEmpty()) {
            try {
                keys = Keyrings.load(keyrings);
            } catch (KeyringException e) {
                throw new UsageException(origin + ": field 'keyrings': " + e.getMessage());
            }
        }
        return new ReadChecks(limits(file.integrity()), keyrings, keys, onBad);
    }

    /** Null when inspection is switched off. */
    private Limits limits(JobFile.IntegrityConfig given) {
        if (given == null) {
            return Limits.DEFAULTS;
        }
        if (Boolean.FALSE.equals(given.enabled())) {
            return null;
        }
        Limits d = Limits.DEFAULTS;
        return new Limits(
                atLeast("integrity.max-ratio", given.maxRatio() == null ? d.maxRatio() : given.maxRatio()),
                atLeast("integrity.ratio-floor", bytes(given.ratioFloor(), d.ratioFloorBytes())),
                atLeast("integrity.max-unpacked", bytes(given.maxUnpacked(), d.maxUnpackedBytes())),
                atLeast("integrity.max-entries", given.maxEntries() == null ? d.maxEntries() : given.maxEntries()),
                d.maxFindings());
    }

    private static long bytes(DataSize size, long fallback) {
        return size == null ? fallback : size.toBytes();
    }

    private long atLeast(String field, long value) {
        if (value < 1) {
            throw new UsageException(origin + ": field '" + field + "': must be >= 1, was " + value);
        }
        return value;
    }
}
