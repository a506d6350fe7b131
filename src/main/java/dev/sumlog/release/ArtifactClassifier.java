package dev.sumlog.release;

import dev.sumlog.catalog.ArtifactKind;
import dev.sumlog.catalog.CrawlItem;
import dev.sumlog.catalog.NewArtifact;
import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.source.CrawledFile;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The crawl step's processor: turns a crawled file into a catalog row carrying its classification
 * and release key, so that grouping later is plain SQL over stored columns. A pure function of the
 * path and the configuration, which is what makes re-crawling idempotent.
 */
public class ArtifactClassifier implements ItemProcessor<CrawledFile, CrawlItem> {

    private final Layout layout;
    private final FileNameClassifier classifier;
    private final boolean skipOwnOutputs;

    /**
     * @param skipOwnOutputs true when sums are written inside the source tree, so the crawl must not
     *                       take sumlog's own files for archive content
     */
    public ArtifactClassifier(Layout layout, FileNameClassifier classifier, boolean skipOwnOutputs) {
        this.layout = layout;
        this.classifier = classifier;
        this.skipOwnOutputs = skipOwnOutputs;
    }

    @Override
    public CrawlItem process(CrawledFile file) {
        if (!file.isRegular()) {
            return CrawlItem.of(new Problem(file.path(), file.problem(), file.skipped()));
        }
        if (skipOwnOutputs && SumsFileNames.isSumlogOutput(file.fileName())) {
            return null;
        }
        Classification c = classifier.classify(file.directory(), file.fileName());
        Optional<ReleaseKey> release = ReleaseKeys.of(layout, file.directory(), c);
        String note = c.kind() == Classification.Kind.UNCLASSIFIED ? c.reason() : null;
        return CrawlItem.of(new NewArtifact(file.path(), file.directory(), file.fileName(), file.size(), file.mtime(),
                ArtifactKind.valueOf(c.kind().name()),
                release.map(ReleaseKey::project).orElse(null), release.map(ReleaseKey::version).orElse(null), note));
    }
}
