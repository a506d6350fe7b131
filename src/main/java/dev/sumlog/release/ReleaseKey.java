package dev.sumlog.release;

import java.util.Optional;

/**
 * Identifies one release: the files that share one SHA256SUMS.
 *
 * <p>Invariants: {@code directory} is relative to the source root, '/'-separated, "" for the root, with
 * no leading or trailing '/', no empty, "." or ".." segments; {@code project} is non-empty and PEP 503
 * normalized; {@code version} is a normalized PEP 440 version for {@link Layout#FLAT} releases and ""
 * for {@link Layout#PER_DIRECTORY} releases (one release per directory needs no version).
 * Releases in different directories are always different releases, even with equal names.
 *
 * @param directory directory of the release's files, relative to the source root
 * @param project   normalized project name
 * @param version   normalized version, or "" for a per-directory release
 */
public record ReleaseKey(String directory, String project, String version) {

    public ReleaseKey {
        if (directory == null || project == null || version == null) {
            throw new IllegalArgumentException("directory, project and version must not be null");
        }
        checkDirectory(directory);
        if (project.isEmpty()) {
            throw new IllegalArgumentException("project must not be empty");
        }
        if (!project.equals(ProjectNames.normalize(project))) {
            throw new IllegalArgumentException("project is not PEP 503 normalized: " + project);
        }
        if (!version.isEmpty() && !Pep440Version.parse(version).equals(Optional.of(version))) {
            throw new IllegalArgumentException("version is not PEP 440 normalized: " + version);
        }
    }

    /**
     * {@code <project>-<version>}, or just {@code <project>} for a per-directory release. Unique within a
     * directory: a normalized version never contains '-', so the last '-' always separates the two parts.
     */
    public String name() {
        return version.isEmpty() ? project : project + "-" + version;
    }

    /**
     * The release's name within the archive: {@code <directory>/<name()>}, or {@link #name()} at the
     * root. The one place it is built: log entries, reports and {@code status} all use it.
     */
    public String displayName() {
        return directory.isEmpty() ? name() : directory + "/" + name();
    }

    /** True for the single release of a {@link Layout#PER_DIRECTORY} directory. */
    public boolean isWholeDirectory() {
        return version.isEmpty();
    }

    /** File name of this release's sums file; see {@link SumsFileNames#forRelease(ReleaseKey)}. */
    public String sumsFileName() {
        return SumsFileNames.forRelease(this);
    }

    /** Path of the sums file relative to the source root, e.g. {@code openstack/nova/nova-27.0.0.SHA256SUMS}. */
    public String sumsPath() {
        return directory.isEmpty() ? sumsFileName() : directory + "/" + sumsFileName();
    }

    private static void checkDirectory(String directory) {
        if (directory.isEmpty()) {
            return;
        }
        for (String segment : directory.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a relative '/'-separated directory: '" + directory + "'");
            }
        }
    }
}
