package dev.sumlog.release;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides, from a file name alone, whether a file is a release artifact, a sidecar of one, a mutable
 * file, or unclassified. Thread-safe and immutable.
 *
 * <p>Order of the checks, and why:
 * <ol>
 *   <li>Strip one sidecar suffix ({@code .asc .sig .sign .sha256 .sha512 .md5 .sha1}) to find the
 *       subject; a sidecar takes its subject's classification, so {@code nova-master.tar.gz.asc} is
 *       mutable and {@code x.tar.gz.sha256.asc} belongs to the release of {@code x.tar.gz}.</li>
 *   <li>Mutable patterns, before any version parsing: {@code nova-stable-2023.1.tar.gz} would otherwise
 *       parse as project {@code nova-stable}, version {@code 2023.1}.</li>
 *   <li>Wheel and source-archive parsing ({@link DistributionNames}).</li>
 * </ol>
 * A sidecar is classified even if its subject does not exist: spotting orphans needs the whole catalog.
 */
public final class FileNameClassifier {

    /** Mutable-file patterns that fit tarballs.opendev.org; see {@link GlobPattern} for the syntax. */
    public static final List<String> DEFAULT_MUTABLE_PATTERNS = List.of(
            "*-master.*", "*-master-*", "*-stable-*", "*-unmaintained-*", "*-bugfix-*",
            "*-latest.*", "*-milestone-proposed.*", "index.yaml");

    /** Suffixes of detached signatures and checksum files, which sit next to the file they cover. */
    public static final List<String> SIDECAR_SUFFIXES = List.of(
            ".asc", ".sig", ".sign", ".sha256", ".sha512", ".md5", ".sha1");

    private final List<GlobPattern> mutablePatterns;

    /** Creates a classifier with the given mutable-file glob patterns (replacing, not adding to, the defaults). */
    public FileNameClassifier(List<String> mutablePatterns) {
        this.mutablePatterns = mutablePatterns.stream().map(GlobPattern::compile).toList();
    }

    /** Creates a classifier with {@link #DEFAULT_MUTABLE_PATTERNS}. */
    public static FileNameClassifier withDefaults() {
        return new FileNameClassifier(DEFAULT_MUTABLE_PATTERNS);
    }

    /** The glob patterns this classifier treats as mutable, as given. */
    public List<String> mutablePatterns() {
        return mutablePatterns.stream().map(GlobPattern::glob).toList();
    }

    /** Classifies a file in the source root; same as {@code classify("", fileName)}. */
    public Classification classify(String fileName) {
        return classify("", fileName);
    }

    /**
     * Classifies {@code fileName}, found in {@code directory} ('/'-separated, relative to the source
     * root, "" for the root). The directory only matters to mutable patterns that contain a '/'.
     */
    public Classification classify(String directory, String fileName) {
        if (fileName == null || fileName.isEmpty() || fileName.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a file name: " + fileName);
        }
        String dir = directory == null ? "" : directory;
        Optional<String> sidecarSuffix = sidecarSuffixOf(fileName);
        if (sidecarSuffix.isEmpty()) {
            return classifySubject(dir, fileName);
        }
        String subject = fileName.substring(0, fileName.length() - sidecarSuffix.get().length());
        Optional<String> ownPattern = matchingMutablePattern(dir, fileName);
        if (ownPattern.isPresent()) {
            return Classification.mutable(subject, "matches mutable pattern '" + ownPattern.get() + "'");
        }
        if (subject.isEmpty()) {
            return Classification.unclassified(fileName, "a bare " + sidecarSuffix.get() + " with no subject name");
        }
        Classification ofSubject = classify(dir, subject);
        switch (ofSubject.kind()) {
            case SUBJECT:
            case SIDECAR:
                return Classification.sidecar(ofSubject.project(), ofSubject.version(), subject,
                        sidecarSuffix.get() + " sidecar of " + ofSubject.reason());
            case MUTABLE:
                return Classification.mutable(subject, "sidecar of a mutable file: " + ofSubject.reason());
            default:
                return Classification.unclassified(subject, "sidecar of an unclassified file: " + ofSubject.reason());
        }
    }

    private Classification classifySubject(String dir, String name) {
        Optional<String> pattern = matchingMutablePattern(dir, name);
        if (pattern.isPresent()) {
            return Classification.mutable(name, "matches mutable pattern '" + pattern.get() + "'");
        }
        DistributionNames.Parsed parsed = DistributionNames.parse(name);
        if (!parsed.succeeded()) {
            return Classification.unclassified(name, parsed.failure());
        }
        return Classification.subject(parsed.project(), parsed.version(), name, parsed.description());
    }

    private Optional<String> matchingMutablePattern(String dir, String name) {
        String path = dir.isEmpty() ? name : dir + "/" + name;
        for (GlobPattern pattern : mutablePatterns) {
            if (pattern.matches(pattern.appliesToPath() ? path : name)) {
                return Optional.of(pattern.glob());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> sidecarSuffixOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SIDECAR_SUFFIXES.stream().filter(lower::endsWith).findFirst();
    }
}
