package dev.sumlog.digest.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one inspection, kept up to {@link Limits#maxFindings()} and counted beyond, so a
 * hostile archive with a million bad names costs a counter, not a million strings. Names and details
 * are escaped here, once, so every finding is one printable line.
 */
final class Findings {

    private final int max;
    private final List<Finding> kept = new ArrayList<>();
    private long omitted;

    Findings(int max) {
        this.max = max;
    }

    void add(Finding.Kind kind, String entry, String detail) {
        if (kept.size() < max) {
            kept.add(new Finding(kind, Escapes.name(entry), Escapes.line(detail)));
        } else {
            omitted++;
        }
    }

    /** Adds an archive-wide finding, about no entry in particular. */
    void add(Finding.Kind kind, String detail) {
        add(kind, "", detail);
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    Integrity toIntegrity(long entries, long unpackedBytes) {
        Integrity.Status status = kept.isEmpty() ? Integrity.Status.OK : Integrity.Status.FLAGGED;
        return new Integrity(status, kept, omitted, entries, unpackedBytes);
    }
}
