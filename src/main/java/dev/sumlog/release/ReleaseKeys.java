package dev.sumlog.release;

import java.util.Optional;

/** Maps a classified file to the release it belongs to, under a {@link Layout}. */
public final class ReleaseKeys {

    /** Project name of the per-directory release of the source root itself, which has no name of its own. */
    public static final String ROOT_PROJECT = "root";

    private ReleaseKeys() {
    }

    /**
     * Returns the release of a file, or empty when the file belongs to none.
     *
     * <ul>
     *   <li>{@link Layout#FLAT}: subjects and sidecars get {@code (directory, project, version)}; mutable and
     *       unclassified files belong to no release.</li>
     *   <li>{@link Layout#PER_DIRECTORY}: every non-mutable file gets the directory's one release, named
     *       after the normalized last path segment ({@value #ROOT_PROJECT} for the root), version "".
     *       Unclassified files are included on purpose: in this layout the directory, not the name,
     *       says what the release is, and a README swapped inside it must show up.</li>
     * </ul>
     * Mutable files never get a key: they go to the directory's snapshot stream
     * ({@link SumsFileNames#MUTABLE_SNAPSHOT}), because their hash changes legitimately.
     */
    public static Optional<ReleaseKey> of(Layout layout, String directory, Classification classification) {
        if (layout == null || directory == null || classification == null) {
            throw new IllegalArgumentException("layout, directory and classification are required");
        }
        if (layout == Layout.FLAT) {
            if (!classification.isReleaseMember()) {
                return Optional.empty();
            }
            return Optional.of(new ReleaseKey(directory, classification.project(), classification.version()));
        }
        if (classification.kind() == ArtifactKind.MUTABLE) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseKey(directory, directoryProject(directory), ""));
    }

    /** The normalized last segment of {@code directory}, or {@value #ROOT_PROJECT} for the root. */
    static String directoryProject(String directory) {
        if (directory.isEmpty()) {
            return ROOT_PROJECT;
        }
        String last = directory.substring(directory.lastIndexOf('/') + 1);
        // A segment made only of separators ("_", "...") normalizes to "-": odd, but non-empty and unique.
        return ProjectNames.normalize(last);
    }
}
