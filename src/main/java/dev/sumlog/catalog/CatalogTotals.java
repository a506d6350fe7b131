package dev.sumlog.catalog;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The catalog's counts as {@code status} shows them, from one scan of each table: files per
 * (archive, state, run that last hashed them) with their bytes, and releases per (archive, state,
 * run that last wrote them). On a catalog of 100,000 files one scan costs a large part of a second,
 * so every per-run and per-archive figure is summed here from these few groups rather than asked of
 * the database one query (and one scan) each.
 *
 * @param files    file groups; {@code run} is null for files never hashed
 * @param releases release groups; {@code run} is null for releases never written
 */
public record CatalogTotals(List<Group> files, List<Group> releases) {

    /** Rows of one (archive, state, run), and their bytes for files (0 for releases). */
    public record Group(String archive, String state, Long run, long rows, long bytes) {
    }

    /** Rows in one state, with their bytes where that applies. */
    public record StateCount(String state, long rows, long bytes) {
    }

    /** The archives with files in the catalog, sorted. */
    public List<String> archives() {
        return files.stream().map(Group::archive).distinct().sorted().toList();
    }

    public long bytesHashed(long run) {
        return files.stream().filter(inRun(run)).mapToLong(Group::bytes).sum();
    }

    public long filesIn(ArtifactState state, long run) {
        return files.stream().filter(inRun(run)).filter(g -> g.state().equals(state.name())).mapToLong(Group::rows).sum();
    }

    public long releasesIn(ReleaseState state, long run) {
        return releases.stream().filter(inRun(run)).filter(g -> g.state().equals(state.name()))
                .mapToLong(Group::rows).sum();
    }

    public long files(String archive, ArtifactState state) {
        return files.stream().filter(g -> g.archive().equals(archive) && g.state().equals(state.name()))
                .mapToLong(Group::rows).sum();
    }

    /** Files per state of an archive, with their bytes, by state name. */
    public List<StateCount> filesByState(String archive) {
        return byState(files, archive);
    }

    /** Releases per state of an archive, by state name. */
    public List<StateCount> releasesByState(String archive) {
        return byState(releases, archive);
    }

    private static List<StateCount> byState(List<Group> groups, String archive) {
        return groups.stream().filter(g -> g.archive().equals(archive)).map(Group::state).distinct().sorted()
                .map(state -> groups.stream().filter(g -> g.archive().equals(archive) && g.state().equals(state))
                        .reduce(new StateCount(state, 0, 0),
                                (sum, g) -> new StateCount(state, sum.rows() + g.rows(), sum.bytes() + g.bytes()),
                                (x, y) -> new StateCount(state, x.rows() + y.rows(), x.bytes() + y.bytes())))
                .toList();
    }

    private static Predicate<Group> inRun(long run) {
        return g -> Objects.equals(g.run(), run);
    }
}
