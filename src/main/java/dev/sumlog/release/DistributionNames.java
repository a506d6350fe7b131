package dev.sumlog.release;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a subject file name (sidecar suffixes already removed) into project and version.
 *
 * <p>Wheels follow PEP 427: exactly 5 or 6 dash-separated fields, because the distribution part has its
 * dashes escaped. Source archives have no such escaping ({@code python-novaclient-17.0.0.tar.gz}), so the
 * split is the first dash, scanning left to right, whose right-hand side is a PEP 440 version. Scanning
 * from the left matters: from the right, {@code nova-1.0-1} would split as {@code nova-1.0} /
 * {@code 1}; splitting at the first digit instead breaks {@code keystoneauth1} and {@code etcd3gw}.
 */
final class DistributionNames {

    /** Archive extensions of source distributions and similar tarballs (puppet modules, helm charts). */
    static final List<String> ARCHIVE_EXTENSIONS = List.of(".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip");

    static final String WHEEL_EXTENSION = ".whl";

    private DistributionNames() {
    }

    /** The parsed name, or an explanation of why the name does not parse. */
    record Parsed(String project, String version, String description, String failure) {

        static Parsed ok(String project, String version, String description) {
            return new Parsed(project, version, description, null);
        }

        static Parsed failed(String failure) {
            return new Parsed(null, null, null, failure);
        }

        boolean succeeded() {
            return failure == null;
        }
    }

    static Parsed parse(String subjectName) {
        String lower = subjectName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(WHEEL_EXTENSION)) {
            return parseWheel(subjectName.substring(0, subjectName.length() - WHEEL_EXTENSION.length()));
        }
        Optional<String> extension = ARCHIVE_EXTENSIONS.stream().filter(lower::endsWith).findFirst();
        if (extension.isEmpty()) {
            return Parsed.failed("not a wheel or a source archive (" + String.join(" ", ARCHIVE_EXTENSIONS) + ")");
        }
        String stem = subjectName.substring(0, subjectName.length() - extension.get().length());
        return parseArchiveStem(stem, extension.get());
    }

    private static Parsed parseWheel(String stem) {
        String[] fields = stem.split("-", -1);
        if (fields.length != 5 && fields.length != 6) {
            return Parsed.failed("wheel name has " + fields.length
                    + " dash-separated fields, PEP 427 needs 5 or 6");
        }
        for (String field : fields) {
            if (field.isEmpty()) {
                return Parsed.failed("wheel name has an empty field");
            }
        }
        if (fields.length == 6 && !Character.isDigit(fields[2].charAt(0))) {
            return Parsed.failed("wheel build tag '" + fields[2] + "' does not start with a digit");
        }
        Optional<String> version = Pep440Version.parse(fields[1]);
        if (version.isEmpty()) {
            return Parsed.failed("wheel version '" + fields[1] + "' is not PEP 440");
        }
        String description = fields.length == 6 ? "wheel with build tag " + fields[2] : "wheel";
        return Parsed.ok(ProjectNames.normalize(fields[0]), version.get(), description);
    }

    private static Parsed parseArchiveStem(String stem, String extension) {
        for (int dash = stem.indexOf('-'); dash >= 0; dash = stem.indexOf('-', dash + 1)) {
            if (dash == 0) {
                continue; // an empty project name is no project
            }
            Optional<String> version = Pep440Version.parse(stem.substring(dash + 1));
            if (version.isPresent()) {
                String project = ProjectNames.normalize(stem.substring(0, dash));
                return Parsed.ok(project, version.get(), extension + " archive");
            }
        }
        return Parsed.failed(stem.indexOf('-') < 0
                ? "no '-' between a name and a version"
                : "no PEP 440 version after any '-'");
    }
}
