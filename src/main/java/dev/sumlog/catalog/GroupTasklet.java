package dev.sumlog.catalog;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The group step: makes every release that needs its sums written PENDING before writeSums runs.
 * Three idempotent, set-based repairs: members the crawl left detached are attached
 * ({@link ReleaseRepository#group}); BLOCKED releases are tried again; releases whose sums file the
 * current output tree does not hold are rewritten from the catalog (a new {@code --out} gets every
 * sums file without hashing again). Normally only the last two find anything.
 */
public class GroupTasklet implements Tasklet {

    private final ReleaseRepository releases;
    private final String source;
    private final String outRoot;

    public GroupTasklet(ReleaseRepository releases, String source, String outRoot) {
        this.releases = releases;
        this.source = source;
        this.outRoot = outRoot;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        releases.retryBlocked(source);
        releases.markMissingFrom(source, outRoot);
        contribution.incrementWriteCount(releases.group(source));
        return RepeatStatus.FINISHED;
    }
}
