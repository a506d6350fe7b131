package dev.sumlog.catalog;

import dev.sumlog.catalog.ArtifactRepository.CrawlDelta;
import dev.sumlog.catalog.ProblemRepository.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The crawl step's writer: records files, attached to their releases (created as needed, and
 * marked to be written when they gain, change or lose a member), and records problems, all in the
 * chunk's transaction (so together with the crawl cursor). The run id is the job instance id,
 * stable across restarts of one backfill, which is what lets "not seen by this run" mean "gone".
 */
public class CatalogWriter implements ItemWriter<CrawlItem>, StepExecutionListener {

    private final String source;
    private final ArtifactRepository artifacts;
    private final ReleaseRepository releases;
    private final ProblemRepository problems;
    private long runId;

    public CatalogWriter(String source, ArtifactRepository artifacts, ReleaseRepository releases,
                         ProblemRepository problems) {
        this.source = source;
        this.artifacts = artifacts;
        this.releases = releases;
        this.problems = problems;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    @Override
    public void write(Chunk<? extends CrawlItem> chunk) {
        List<NewArtifact> files = new ArrayList<>(chunk.size());
        List<Problem> reported = new ArrayList<>();
        for (CrawlItem item : chunk) {
            if (item.artifact() != null) {
                files.add(item.artifact());
            } else {
                reported.add(item.problem());
            }
        }
        CrawlDelta delta = artifacts.compare(source, files);
        Map<ReleaseCoordinates, Long> releaseIds = releases.attach(source, delta.attachedReleases(),
                delta.releasesLosingMembers());
        artifacts.record(source, runId, delta, releaseIds);
        problems.record(runId, source, reported);
    }
}
