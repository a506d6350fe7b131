package dev.sumlog.source;

import dev.sumlog.catalog.CrawlItem;
import dev.sumlog.catalog.NewArtifact;
import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.release.ArtifactKind;
import dev.sumlog.release.Classification;
import dev.sumlog.release.FileNameClassifier;
import dev.sumlog.release.Layout;
import dev.sumlog.release.ReleaseKey;
import dev.sumlog.release.ReleaseKeys;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The crawl step's processor: turns a crawled file into a catalog row carrying its classification
 * and release key, so that grouping later is plain SQL over stored columns. A pure function of the
 * path and the configuration, which is what makes re-crawling idempotent.
 */
public class ArtifactClassifier implements ItemProcessor<CrawledFile, CrawlItem> {

    private final Layout layout;
    private final FileNameClassifier classifier;

    public ArtifactClassifier(Layout layout, FileNameClassifier classifier) {
        this.layout = layout;
        this.classifier = classifier;
    }

    @Override
    public CrawlItem process(CrawledFile file) {
        if (!file.isRegular()) {
            Problem problem = new Problem(file.path(), file.problem(), file.skipped());
            return file.unlisted() == null ? CrawlItem.of(problem) : CrawlItem.unlisted(problem, file.unlisted());
        }
        Classification c = classifier.classify(file.directory(), file.fileName());
        ReleaseKey release = ReleaseKeys.of(layout, file.directory(), c).orElse(null);
        String note = c.kind() == ArtifactKind.UNCLASSIFIED ? c.reason() : null;
        return CrawlItem.of(new NewArtifact(file.path(), file.directory(), file.fileName(), file.stamp(), c.kind(),
                release, note));
    }
}
