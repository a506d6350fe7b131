package dev.sumlog.release;

/**
 * What a file's name says it is. Release membership itself is the release key stored beside it
 * (a per-directory layout puts unclassified files in the directory's release too).
 */
public enum ArtifactKind {
    /** An sdist, wheel or tarball that belongs to a release. */
    SUBJECT,
    /** A signature or checksum attached to a subject (.asc, .sig, .sha256, .md5). */
    SIDECAR,
    /** A file rebuilt in place (branch tarballs, *-latest.*, index.yaml): snapshot, never a release. */
    MUTABLE,
    /** A file whose name parses as nothing: hashed and snapshotted, reported, never dropped. */
    UNCLASSIFIED;
}
