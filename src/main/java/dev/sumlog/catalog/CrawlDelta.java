package dev.sumlog.catalog;

import dev.sumlog.release.ReleaseKey;
import java.util.List;
import java.util.Set;

/**
 * A crawled chunk sorted against the catalog.
 *
 * @param unchangedIds          the catalog ids of {@code unchanged}, in the same order
 * @param releasesLosingMembers releases a changed file belonged to: their sums no longer hold
 * @param attachedReleases      release keys of the fresh and changed files, in crawl order: new
 *                              releases get ids in that order, so ids (and with them the order of
 *                              log entries) do not depend on where a restart split the chunks
 */
public record CrawlDelta(List<NewArtifact> fresh, List<NewArtifact> changed, List<NewArtifact> unchanged,
                         List<Long> unchangedIds, Set<Long> releasesLosingMembers, Set<ReleaseKey> attachedReleases) {
}
