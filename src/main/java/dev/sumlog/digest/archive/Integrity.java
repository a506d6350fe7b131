package dev.sumlog.digest.archive;

import java.util.List;

/**
 * The verdict on one file's archive integrity, made in the same read as its digest.
 *
 * <p>Invariants: {@code status} is {@link Status#FLAGGED} exactly when {@code findings} is not
 * empty; {@code findingsOmitted} counts findings beyond {@link Limits#maxFindings()} that were
 * dropped; {@code entries} and {@code unpackedBytes} say how far the walk got (a bomb stopped early
 * shows it here).
 *
 * @param status          the verdict
 * @param findings        the first findings, in the order found
 * @param findingsOmitted further findings that were not kept
 * @param entries         archive entries walked
 * @param unpackedBytes   bytes produced by decompression (tar: the whole tar stream; zip: entry data)
 */
public record Integrity(Status status, List<Finding> findings, long findingsOmitted, long entries, long unpackedBytes) {

    /** What the inspection concluded. */
    public enum Status {
        /** Walked to the end, nothing found. */
        OK,
        /** At least one finding. */
        FLAGGED,
        /** The file name is not one of the inspected archive kinds; nothing was checked. */
        NOT_AN_ARCHIVE,
        /** Inspection was switched off for the job. */
        SKIPPED
    }

    public Integrity {
        findings = List.copyOf(findings);
        if ((status == Status.FLAGGED) == findings.isEmpty()) {
            throw new IllegalArgumentException("FLAGGED exactly when there are findings, got " + status
                    + " with " + findings.size());
        }
    }

    /** For a file whose name is not an inspected archive kind. */
    public static Integrity notAnArchive() {
        return new Integrity(Status.NOT_AN_ARCHIVE, List.of(), 0, 0, 0);
    }

    /** For a file hashed with inspection switched off. */
    public static Integrity skipped() {
        return new Integrity(Status.SKIPPED, List.of(), 0, 0, 0);
    }

    /** True when a finding of this kind was kept. */
    public boolean has(Finding.Kind kind) {
        return findings.stream().anyMatch(f -> f.kind() == kind);
    }

    /** One line for a catalog column or a log: the status, then the findings separated by "; ". */
    public String summary() {
        StringBuilder line = new StringBuilder(status.name());
        for (Finding finding : findings) {
            line.append(line.length() == status.name().length() ? " " : "; ").append(finding);
        }
        if (findingsOmitted > 0) {
            line.append("; and ").append(findingsOmitted).append(" more");
        }
        return line.toString();
    }
}
