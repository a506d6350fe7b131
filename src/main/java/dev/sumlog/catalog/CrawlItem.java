package dev.sumlog.catalog;

import dev.sumlog.catalog.ProblemRepository.Problem;

/** What the crawl hands the catalog for one entry: a classified file, or a problem to report. */
public record CrawlItem(NewArtifact artifact, Problem problem) {

    public static CrawlItem of(NewArtifact artifact) {
        return new CrawlItem(artifact, null);
    }

    public static CrawlItem of(Problem problem) {
        return new CrawlItem(null, problem);
    }
}
