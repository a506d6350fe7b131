package dev.sumlog.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Include/exclude globs from the job file, matched against the '/'-separated path relative to the
 * archive root (for example {@code openstack/**} or {@code **}{@code /*.whl}). A file is taken when it
 * matches at least one include (no includes means everything) and no exclude.
 */
public final class PathFilter {

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    public PathFilter(List<String> includes, List<String> excludes) {
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
        boolean included = includes.isEmpty() || includes.stream().anyMatch(m -> m.matches(path));
        return included && excludes.stream().noneMatch(m -> m.matches(path));
    }

    /** Whether a directory may hold accepted files; only excludes can prune a whole subtree. */
    public boolean mayEnter(String relativeDirectory) {
        Path path = Path.of(relativeDirectory);
        return excludes.stream().noneMatch(m -> m.matches(path));
    }
}
