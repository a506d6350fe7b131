package dev.sumlog.release;

/**
 * What one file name means for release grouping.
 *
 * <p>Invariants: {@code project} and {@code version} are non-null exactly when the kind is
 * {@link ArtifactKind#SUBJECT} or {@link ArtifactKind#SIDECAR}; {@code project} is PEP 503 normalized and {@code version}
 * PEP 440 normalized. {@code subjectName} is the file name with sidecar suffixes removed, so it equals the
 * file name itself unless the file is a sidecar (a mutable or unclassified sidecar still names its subject).
 * {@code reason} is a short human-readable explanation, never null.
 *
 * @param kind        what the file is
 * @param project     normalized project name, or null
 * @param version     normalized version, or null
 * @param subjectName the name of the file this one signs or checksums, or the file's own name
 * @param reason      why the classifier decided so (for logs and the unclassified report)
 */
public record Classification(ArtifactKind kind, String project, String version, String subjectName, String reason) {


    public Classification {
        if (kind == null || subjectName == null || reason == null) {
            throw new IllegalArgumentException("kind, subjectName and reason are required");
        }
        boolean releaseMember = kind == ArtifactKind.SUBJECT || kind == ArtifactKind.SIDECAR;
        if (releaseMember != (project != null) || releaseMember != (version != null)) {
            throw new IllegalArgumentException(
                    "project and version must be set exactly for SUBJECT and SIDECAR, got " + kind);
        }
    }

    static Classification subject(String project, String version, String name, String reason) {
        return new Classification(ArtifactKind.SUBJECT, project, version, name, reason);
    }

    static Classification sidecar(String project, String version, String subjectName, String reason) {
        return new Classification(ArtifactKind.SIDECAR, project, version, subjectName, reason);
    }

    static Classification mutable(String subjectName, String reason) {
        return new Classification(ArtifactKind.MUTABLE, null, null, subjectName, reason);
    }

    static Classification unclassified(String subjectName, String reason) {
        return new Classification(ArtifactKind.UNCLASSIFIED, null, null, subjectName, reason);
    }

    /** True for subjects and sidecars, the files that belong to a named release. */
    public boolean isReleaseMember() {
        return kind == ArtifactKind.SUBJECT || kind == ArtifactKind.SIDECAR;
    }
}
