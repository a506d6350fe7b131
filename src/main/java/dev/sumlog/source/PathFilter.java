package dev.sumlog.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.BitSet;
import java.util.List;

/**
 * Include/exclude globs from the job file, matched against the '/'-separated path relative to the
 * archive root (for example {@code openstack/**} or {@code **}{@code /*.whl}). A file is taken when it
 * matches at least one include (no includes means everything) and no exclude. The filter remembers
 * which includes took a file, so a glob that matches nothing (a typo) can be reported.
 */
public final class PathFilter {

    private final List<String> includeGlobs;
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final BitSet matched = new BitSet();

    public PathFilter(List<String> includes, List<String> excludes) {
        this.includeGlobs = List.copyOf(includes);
        this.includes = includes.stream().map(PathFilter::matcher).toList();
        this.excludes = excludes.stream().map(PathFilter::matcher).toList();
    }

    public static PathFilter all() {
        return new PathFilter(List.of(), List.of());
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    public boolean accepts(String relativePath) {
        Path path = Path.of(relativePath);
        if (excludes.stream().anyMatch(m -> m.matches(path))) {
            return false;
        }
        if (includes.isEmpty()) {
            return true;
        }
        boolean included = false;
        for (int i = 0; i < includes.size(); i++) {
            if (includes.get(i).matches(path)) {
                matched.set(i);
                included = true;
            }
        }
        return included;
    }

    /** Whether a directory may hold accepted files; only excludes can prune a whole subtree. */
    public boolean mayEnter(String relativeDirectory) {
        Path path = Path.of(relativeDirectory);
        return excludes.stream().noneMatch(m -> m.matches(path));
    }

    /** Indexes of the include globs that have taken a file so far (restart state of the crawl). */
    public BitSet matchedIncludes() {
        return (BitSet) matched.clone();
    }

    /** Restores what an earlier, interrupted walk of the same run had matched. */
    public void restoreMatched(BitSet earlier) {
        matched.or(earlier);
    }

    /** The include globs that have taken no file. */
    public List<String> unmatchedIncludes() {
        return java.util.stream.IntStream.range(0, includeGlobs.size()).filter(i -> !matched.get(i))
                .mapToObj(includeGlobs::get).toList();
    }
}
