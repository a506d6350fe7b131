package dev.sumlog.cli;

import dev.sumlog.support.OneLine;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Checks of single field values (globs, the public URL, the archive id) that the binder cannot make.
 * Run on the job file with its YAML lines and on the command-line flags, so a bad value is reported
 * where it was written, in one line, before anything is created.
 */
final class JobFileChecks {

    static final int MAX_ARCHIVE_ID = 1024;
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "file");

    private final String origin;
    private final Map<String, Integer> lines;
    private final boolean flags;

    /**
     * @param lines YAML line (1-based) per field path, empty for the command line
     * @param flags values came from flags: messages also name the flag
     */
    JobFileChecks(String origin, Map<String, Integer> lines, boolean flags) {
        this.origin = origin;
        this.lines = lines;
        this.flags = flags;
    }

    void check(JobFile job) {
        globs("include", job.include());
        globs("exclude", job.exclude());
        globs("mutable", job.mutable());
        if (job.publicUrl() != null) {
            publicUrl(job.publicUrl());
        }
        if (job.archiveId() != null) {
            archiveId(job.archiveId());
        }
    }

    /** Every pattern must compile as the java.nio glob the crawl will use. */
    private void globs(String field, List<String> globs) {
        if (globs == null) {
            return;
        }
        for (int i = 0; i < globs.size(); i++) {
            String glob = globs.get(i);
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (PatternSyntaxException e) {
                String name = field + "[" + i + "]";
                // The JDK says "Missing ']" (one quote); close it so the line reads right.
                String description = e.getDescription().replaceFirst("^(Missing ')(.)$", "$1$2'");
                throw fail(name, "bad glob " + OneLine.quote(glob) + ": " + description
                        + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
            } catch (IllegalArgumentException e) {
                throw fail(field + "[" + i + "]", "bad glob " + OneLine.quote(glob) + ": " + e.getMessage());
            }
        }
    }

    /** Log entries carry it for the whole world to read: it must be a URL someone can resolve. */
    private void publicUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw fail("public-url", "not a URL: " + e.getReason() + " at index " + e.getIndex()
                    + " in \"" + OneLine.escape(url) + "\"");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw fail("public-url", "expected an absolute URL (http, https or file), got \"" + OneLine.escape(url) + "\"");
        }
        if (!URL_SCHEMES.contains(scheme)) {
            throw fail("public-url", "scheme '" + OneLine.escape(scheme) + "' not allowed; expected http, https or file");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw fail("public-url", "an " + scheme + " URL needs a host, got \"" + OneLine.escape(url) + "\"");
        }
    }

    /** It becomes a catalog key and a job parameter: one printable line of bounded length. */
    private void archiveId(String id) {
        if (id.isEmpty()) {
            throw fail("archive-id", "must not be empty");
        }
        if (id.length() > MAX_ARCHIVE_ID) {
            throw fail("archive-id", "at most " + MAX_ARCHIVE_ID + " characters, got " + id.length());
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw fail("archive-id", "control characters are not allowed, got \"" + OneLine.escape(id) + "\"");
        }
    }

    private UsageException fail(String field, String reason) {
        return new UsageException(origin + ": " + lineOf(field) + "field '" + field + "'"
                + (flags ? " (--" + field.replaceFirst("\\[.*", "") + ")" : "") + ": " + reason);
    }

    private String lineOf(String field) {
        Integer line = lines.get(field);
        return line == null ? "" : "line " + line + ": ";
    }
}
