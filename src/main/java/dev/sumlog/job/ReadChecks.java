package dev.sumlog.job;

import dev.sumlog.digest.archive.Limits;
import dev.sumlog.signature.TrustedKeys;
import java.nio.file.Path;
import java.util.List;

/**
 * What the hashing read checks besides the digest, and what a doubt does to a release.
 *
 * @param inspection the archive inspection's caps, or null when inspection is switched off
 * @param keyrings   the keyring files signatures are checked against (empty: no signature check)
 * @param keys       the keys loaded from them, null when there are none
 * @param onBad      what happens to a release with a bad signature or a flagged archive
 */
public record ReadChecks(Limits inspection, List<Path> keyrings, TrustedKeys keys, OnBad onBad) {

    public ReadChecks {
        keyrings = List.copyOf(keyrings);
    }

    /** Inspection on with the default caps, no signature check, flag. */
    public static ReadChecks defaults() {
        return new ReadChecks(Limits.DEFAULTS, List.of(), null, OnBad.FLAG);
    }

    public boolean checksSignatures() {
        return keys != null;
    }

    /** The job file's {@code on-bad:} values. */
    public enum OnBad {
        /** Sums are written and logged, and an alert is raised (the default). */
        FLAG,
        /** The release is held: neither written nor logged until the doubt is gone. */
        HOLD;

        public static OnBad parse(String value) {
            return switch (value) {
                case "flag" -> FLAG;
                case "hold" -> HOLD;
                default -> throw new IllegalArgumentException("must be 'flag' or 'hold', was '" + value + "'");
            };
        }
    }
}
