package dev.sumlog.catalog;

import dev.sumlog.catalog.ProblemRepository.Problem;

/**
 * What the crawl hands the catalog for one entry: a classified file, or a problem to report; a
 * problem may name a directory that could not be listed ({@code unlisted}), whose rows are kept.
 */
public record CrawlItem(NewArtifact artifact, Problem problem, String unlisted) {

    public static CrawlItem of(NewArtifact artifact) {
        return new CrawlItem(artifact, null, null);
    }

    public static CrawlItem of(Problem problem) {
        return new CrawlItem(null, problem, null);
    }

    public static CrawlItem unlisted(Problem problem, String directory) {
        return new CrawlItem(null, problem, directory);
    }
}
