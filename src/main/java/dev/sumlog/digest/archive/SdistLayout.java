package dev.sumlog.digest.archive;

import dev.sumlog.release.ArtifactKind;
import dev.sumlog.release.Classification;
import dev.sumlog.release.FileNameClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An sdist must unpack into the one directory its file name gives: {@code nova-27.0.0.tar.gz} into
 * {@code nova-27.0.0/}. Names are compared after the project's own parsing ({@link FileNameClassifier}:
 * PEP 503 name, PEP 440 version), so {@code python_novaclient-18.11.0/} matches
 * {@code python-novaclient-18.11.0.tar.gz}, as both spellings were published (PEP 625, 2025).
 *
 * <p>Applies only to files that are an sdist by name and by content: the name parses as a release
 * subject (so branch tarballs such as {@code nova-master.tar.gz}, whose top directory carries a
 * development version, are not checked) and some entry is a {@code PKG-INFO} at the top or one level
 * down. Other tarballs that follow the name pattern, such as Helm charts ({@code nova/}) or puppet
 * modules (built as {@code openstack-nova-…/} and renamed), have no {@code PKG-INFO} and are not judged.
 */
final class SdistLayout {

    /** Distinct top-level names remembered; an archive with more is flagged on these alone. */
    private static final int MAX_TOP_NAMES = 64;
    private static final FileNameClassifier FILE_NAMES = FileNameClassifier.withDefaults();
    /** Parses a top directory as a name; no mutable patterns, as {@code nova-stable-1.0/} is still name and version. */
    private static final FileNameClassifier TOP_DIRS = new FileNameClassifier(List.of());

    private final Classification expected;
    private final String expectedDir;
    private final Map<String, Long> topNames = new LinkedHashMap<>();
    private boolean pkgInfoSeen;

    private SdistLayout(Classification expected, String expectedDir) {
        this.expected = expected;
        this.expectedDir = expectedDir;
    }

    /** The check for an archive named {@code fileName}, or null when the name is no release sdist. */
    static SdistLayout forFile(String fileName) {
        Classification c = FILE_NAMES.classify(fileName);
        if (c.kind() != ArtifactKind.SUBJECT || fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".whl")) {
            return null;
        }
        String stem = fileName.replaceFirst("(?i)(\\.tar\\.gz|\\.tgz|\\.tar\\.bz2|\\.tar\\.xz|\\.zip)$", "");
        return new SdistLayout(c, stem + "/");
    }

    void entry(String rawName, boolean directory) {
        String name = EntryPaths.withoutDotPrefix(rawName);
        if (name.isEmpty() || name.equals(".")) {
            return;
        }
        int slash = name.indexOf('/');
        String top = slash < 0 ? name : name.substring(0, slash);
        String rest = slash < 0 ? "" : name.substring(slash + 1);
        if (rest.equals("PKG-INFO") || (slash < 0 && top.equals("PKG-INFO"))) {
            pkgInfoSeen = true;
        }
        String key = slash < 0 && !directory ? top : top + "/";
        if (topNames.containsKey(key) || topNames.size() < MAX_TOP_NAMES) {
            topNames.merge(key, 1L, Long::sum);
        }
    }

    void finish(Findings findings) {
        if (!pkgInfoSeen) {
            return;
        }
        topNames.forEach((top, count) -> {
            if (!matchesExpected(top)) {
                String what = top.endsWith("/") ? "top directory of " + count + " entries" : "file at the top level";
                findings.add(Finding.Kind.SDIST_TOP_DIR, top, what + ", outside " + expectedDir
                        + " that the file name gives");
            }
        });
    }

    private boolean matchesExpected(String top) {
        if (!top.endsWith("/") || top.length() == 1) {
            return false;
        }
        String dir = top.substring(0, top.length() - 1);
        if (dir.contains("\\") || dir.equals("..")) {
            return false;
        }
        Classification c = TOP_DIRS.classify(dir + ".tar.gz");
        return c.kind() == ArtifactKind.SUBJECT && c.project().equals(expected.project())
                && c.version().equals(expected.version());
    }
}
