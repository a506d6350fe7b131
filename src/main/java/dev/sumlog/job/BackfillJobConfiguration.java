package dev.sumlog.job;

import dev.sumlog.SumlogProperties;
import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.ArtifactRepository;
import dev.sumlog.catalog.CatalogWriter;
import dev.sumlog.catalog.CrawlItem;
import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.catalog.KeysetReader;
import dev.sumlog.catalog.PendingArtifact;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.ReleaseRepository.ReleaseRow;
import dev.sumlog.catalog.ReleaseRepository.WriteOutcome;
import dev.sumlog.digest.FileDigester;
import dev.sumlog.digest.HashOutcomeWriter;
import dev.sumlog.digest.HashProcessor;
import dev.sumlog.digest.HashTrace;
import dev.sumlog.release.ArtifactClassifier;
import dev.sumlog.release.FileNameClassifier;
import dev.sumlog.source.CrawledFile;
import dev.sumlog.source.LocalTreeReader;
import dev.sumlog.source.PathFilter;
import dev.sumlog.sums.ReleaseSumsProcessor;
import dev.sumlog.sums.SumsOutcomeWriter;
import dev.sumlog.sums.SnapshotTasklet;
import java.io.IOException;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The backfill job: crawl, mark gone, hash, group, write sums, write snapshots, prepare log
 * entries, submit them to the transparency log. Wiring only; each
 * step's logic lives in its feature package. Every step keeps its progress in the catalog or in its
 * execution context, committed with its chunk, so re-running the same command resumes.
 */
@Configuration(proxyBeanMethods = false)
@Profile("backfill")
class BackfillJobConfiguration {

    static final String JOB_NAME = "backfill";

    @Bean
    Job backfill(JobRepository jobRepository, Step crawlStep, Step markGoneStep, Step hashStep, Step groupStep,
                 Step writeSumsStep, Step snapshotStep, Step prepareSubmissionsStep, Step submitStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(crawlStep).next(markGoneStep).next(hashStep).next(groupStep).next(writeSumsStep)
                .next(snapshotStep).next(prepareSubmissionsStep).next(submitStep)
                .build();
    }

    @Bean
    ProgressReporter progressReporter(SumlogProperties properties) {
        return new ProgressReporter(System.out, properties.progressIntervalSeconds());
    }

    @Bean
    Step crawlStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                   ArtifactRepository artifacts, ReleaseRepository releases, ProblemRepository problems,
                   StopSignal stop, ProgressReporter progress) {
        var classifier = new ArtifactClassifier(spec.layout(), new FileNameClassifier(spec.mutable()),
                spec.writeIntoSource());
        return new StepBuilder("crawl", jobRepository).<CrawledFile, CrawlItem>chunk(500)
                .transactionManager(tx)
                .reader(new LocalTreeReader(spec.source(), new PathFilter(spec.include(), spec.exclude())))
                .processor(classifier)
                .writer(new CatalogWriter(spec.sourceId(), artifacts, releases, problems))
                .listener(stop).listener(progress)
                .build();
    }

    /** Runs once per backfill instance, after its crawl has completed: what it did not see is gone. */
    @Bean
    Step markGoneStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                      ArtifactRepository artifacts, StopSignal stop) {
        return new StepBuilder("markGone", jobRepository)
                .tasklet((contribution, context) -> {
                    long runId = context.getStepContext().getStepExecution().getJobExecution().getJobInstance()
                            .getInstanceId();
                    contribution.incrementWriteCount(artifacts.markUnseenGone(spec.sourceId(), runId));
                    return RepeatStatus.FINISHED;
                }, tx)
                .listener(stop)
                .build();
    }

    @Bean
    Step hashStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                  SumlogProperties properties, ArtifactRepository artifacts, StopSignal stop,
                  ProgressReporter progress, HashTrace trace, ThreadPoolTaskExecutor hashExecutor) throws IOException {
        var reader = new KeysetReader<PendingArtifact>((after, limit) -> artifacts.nextPending(spec.sourceId(), after, limit),
                PendingArtifact::id, Math.max(spec.chunkSize(), 256));
        return new StepBuilder("hash", jobRepository).<PendingArtifact, HashOutcome>chunk(spec.chunkSize())
                .transactionManager(tx)
                .reader(reader)
                .processor(new HashProcessor(new FileDigester(spec.source(), properties.hashBufferBytes()), trace))
                .writer(new HashOutcomeWriter(artifacts))
                .taskExecutor(hashExecutor)
                .listener(stop).listener(progress)
                .build();
    }

    @Bean(destroyMethod = "close")
    HashTrace hashTrace(SumlogProperties properties) throws IOException {
        return properties.hashTrace() == null ? HashTrace.off() : HashTrace.to(properties.hashTrace());
    }

    @Bean
    ThreadPoolTaskExecutor hashExecutor(BackfillSpec spec) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(spec.threads());
        executor.setMaxPoolSize(spec.threads());
        executor.setThreadNamePrefix("hash-");
        executor.setDaemon(true);
        return executor;
    }

    /** Set-based and idempotent; see {@link ReleaseRepository#group}. */
    @Bean
    Step groupStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                   ReleaseRepository releases, StopSignal stop) {
        return new StepBuilder("group", jobRepository)
                .tasklet((contribution, context) -> {
                    contribution.incrementWriteCount(releases.group(spec.sourceId()));
                    return RepeatStatus.FINISHED;
                }, tx)
                .listener(stop)
                .build();
    }

    @Bean
    Step writeSumsStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                       ReleaseRepository releases, AlertRepository alerts, StopSignal stop, ProgressReporter progress) {
        var reader = new KeysetReader<ReleaseRow>((after, limit) -> releases.nextPending(spec.sourceId(), after, limit),
                ReleaseRow::id, 200);
        return new StepBuilder("writeSums", jobRepository).<ReleaseRow, WriteOutcome>chunk(100)
                .transactionManager(tx)
                .reader(reader)
                .processor(new ReleaseSumsProcessor(spec.out()))
                .writer(new SumsOutcomeWriter(releases, alerts))
                .listener(stop).listener(progress)
                .build();
    }

    /** Rewritten by every run (a snapshot, not a record), hence allowed to start when complete. */
    @Bean
    Step snapshotStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                      JdbcTemplate jdbc, StopSignal stop) {
        return new StepBuilder("snapshot", jobRepository)
                .tasklet(new SnapshotTasklet(jdbc, spec.sourceId(), spec.out()), tx)
                .listener(stop)
                .build();
    }
}
