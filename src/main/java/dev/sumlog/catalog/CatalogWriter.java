package dev.sumlog.catalog;

import dev.sumlog.catalog.ProblemRepository.Problem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The crawl step's writer: upserts files and records problems, in the chunk's transaction (so
 * together with the crawl cursor). The run id is the job instance id, stable across restarts of
 * one backfill, which is what lets "not seen by this run" mean "gone".
 */
public class CatalogWriter implements ItemWriter<CrawlItem>, StepExecutionListener {

    private final String source;
    private final ArtifactRepository artifacts;
    private final ProblemRepository problems;
    private long runId;

    public CatalogWriter(String source, ArtifactRepository artifacts, ProblemRepository problems) {
        this.source = source;
        this.artifacts = artifacts;
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
        artifacts.recordCrawled(source, runId, files);
        problems.record(runId, source, reported);
    }
}
