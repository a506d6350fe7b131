package dev.sumlog.job;

import dev.sumlog.SumlogProperties;
import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.ArtifactRepository;
import dev.sumlog.catalog.Backlog;
import dev.sumlog.catalog.CrawlItem;
import dev.sumlog.catalog.CrawlWriter;
import dev.sumlog.catalog.GroupTasklet;
import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.catalog.MarkGoneTasklet;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.ReleaseRow;
import dev.sumlog.catalog.SignedSubjects;
import dev.sumlog.catalog.WriteOutcome;
import dev.sumlog.digest.ArtifactReader;
import dev.sumlog.digest.FileDigester;
import dev.sumlog.digest.HashOutcomeWriter;
import dev.sumlog.digest.HashPipeline;
import dev.sumlog.digest.HashProcessor;
import dev.sumlog.digest.HashTrace;
import dev.sumlog.digest.LocalArtifactReader;
import dev.sumlog.digest.ReadPass;
import dev.sumlog.output.OutputCheckTasklet;
import dev.sumlog.output.OutputTree;
import dev.sumlog.release.FileNameClassifier;
import dev.sumlog.source.ArtifactClassifier;
import dev.sumlog.source.CrawledFile;
import dev.sumlog.source.LocalTreeReader;
import dev.sumlog.source.PathFilter;
import dev.sumlog.sums.PendingReleaseReader;
import dev.sumlog.sums.ReleaseSumsProcessor;
import dev.sumlog.sums.SnapshotTasklet;
import dev.sumlog.sums.SumsOutcomeWriter;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The backfill job's data steps: crawl, mark gone, hash, group, write sums, write snapshots (the
 * logging steps are in {@link SubmitStepsConfiguration}). Wiring only; each step's logic lives in its
 * feature package. Every step keeps its progress in the catalog or in its execution context,
 * committed with its chunk, so re-running the same command resumes.
 */
@Configuration(proxyBeanMethods = false)
@Profile("backfill")
class BackfillJobConfiguration {

    static final String JOB_NAME = "backfill";
    /** Crawl entries per chunk: listing is cheap, so only the commit count matters here (not chunk-size). */
    static final int CRAWL_CHUNK = 500;
    /** Rows per keyset page of the hash step, at least its chunk size. */
    static final int HASH_PAGE = 256;
    /**
     * Releases per chunk of the write step (fixed, like the crawl's): writing 512 small sums files
     * takes well under a second, and fewer, larger commits are what an H2 catalog costs least in
     * (each commit serializes every page the chunk touched).
     */
    static final int WRITE_CHUNK = 512;

    @Bean
    Job backfill(JobRepository jobRepository, Step crawlStep, Step markGoneStep, Step hashStep, Step groupStep,
                 Step writeSumsStep, Step snapshotStep, SubmitStepsConfiguration.LogSteps logSteps,
                 Step checkOutputsStep) {
        var job = new JobBuilder(JOB_NAME, jobRepository)
                .start(crawlStep).next(markGoneStep).next(hashStep).next(groupStep).next(writeSumsStep)
                .next(snapshotStep);
        for (Step step : logSteps.steps()) {
            job = job.next(step);
        }
        job = job.next(checkOutputsStep);
        return job.listener(new RunAnnouncer(System.out)).build();
    }

    @Bean
    OutputTree outputTree(BackfillSpec spec) {
        return new OutputTree(spec.out());
    }

    @Bean
    ProgressReporter progressReporter(SumlogProperties properties, BackfillSpec spec, ArtifactRepository artifacts,
                                      ReleaseRepository releases) {
        // The logging steps' backlogs are per log: SubmitStepsConfiguration registers them.
        Map<String, Supplier<Backlog>> backlogs = Map.of(
                "hash", () -> artifacts.pendingBacklog(spec.sourceId()),
                "writeSums", () -> new Backlog(releases.countPending(spec.sourceId()), 0));
        return new ProgressReporter(System.out, properties.progressIntervalSeconds(), backlogs,
                new ProgressFile(spec.state()));
    }

    @Bean
    Step crawlStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                   ArtifactRepository artifacts, ReleaseRepository releases, ProblemRepository problems,
                   OutputRepository outputs, SignedSubjects signed, OutputTree out, StopSignal stop,
                   ProgressReporter progress) {
        var classifier = new ArtifactClassifier(spec.layout(), new FileNameClassifier(spec.mutable()));
        var ownOutputs = !spec.remoteSource() && spec.out().startsWith(spec.source())
                ? new CrawlWriter.OwnOutputs(spec.source().relativize(spec.out()).toString().replace('\\', '/'),
                        out.key(), outputs)
                : CrawlWriter.OwnOutputs.none();
        var filter = new PathFilter(spec.include(), spec.exclude());
        var readNeeds = new ArtifactRepository.ReadNeeds(spec.checks().inspection() != null,
                spec.checks().checksSignatures());
        ItemStreamReader<CrawledFile> reader = spec.remoteSource() ? HttpSources.treeReader(spec.http(), filter)
                : new LocalTreeReader(spec.source(), filter);
        return new StepBuilder("crawl", jobRepository).<CrawledFile, CrawlItem>chunk(CRAWL_CHUNK)
                .transactionManager(tx)
                .reader(reader)
                .processor(classifier)
                .writer(new CrawlWriter(spec.sourceId(), artifacts, releases, problems, ownOutputs, readNeeds, signed))
                .listener(stop).listener(progress)
                .build();
    }

    @Bean
    Step markGoneStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                      ArtifactRepository artifacts, SignedSubjects signed, AlertRepository alerts, StopSignal stop) {
        return new StepBuilder("markGone", jobRepository)
                .tasklet(new MarkGoneTasklet(artifacts, spec.sourceId(), spec.checks().checksSignatures() ? signed : null,
                        alerts), tx)
                .listener(stop)
                .build();
    }

    @Bean
    Step hashStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                  ArtifactRepository artifacts, SignedSubjects signed, AlertRepository alerts, StopSignal stop,
                  ProgressReporter progress, HashTrace trace, ThreadPoolTaskExecutor hashExecutor,
                  ArtifactReader artifactReader) {
        boolean signatures = spec.checks().checksSignatures();
        var pipeline = HashPipeline.of(
                (largeBytes, afterSize, afterId, limit) -> {
                    var page = artifacts.nextPending(spec.sourceId(), largeBytes, afterSize, afterId, limit);
                    return signatures ? signed.withSignatureFiles(spec.sourceId(), page) : page;
                },
                Math.max(spec.chunkSize(), HASH_PAGE), new HashProcessor(artifactReader, trace), hashExecutor,
                Math.max(spec.chunkSize(), 2 * hashExecutor.getCorePoolSize()));
        // No task executor on the step: the pipeline hashes on hashExecutor across chunk boundaries.
        return new StepBuilder("hash", jobRepository).<HashOutcome, HashOutcome>chunk(spec.chunkSize())
                .transactionManager(tx)
                .reader(pipeline)
                .writer(new HashOutcomeWriter(artifacts, alerts))
                .listener(stop).listener(progress)
                .build();
    }

    /** Where the hash step reads bytes: the local tree, or downloads from the HTTP source (closed with the context). */
    @Bean(destroyMethod = "close")
    ArtifactReader artifactReader(BackfillSpec spec, SumlogProperties properties) throws IOException {
        ReadChecks checks = spec.checks();
        var pass = new ReadPass(checks.inspection(), checks.keys(), properties.hashBufferBytes());
        return spec.remoteSource() ? HttpSources.artifactReader(spec.http(), pass)
                : new LocalArtifactReader(new FileDigester(spec.source(), pass), checks.checksSignatures());
    }

    @Bean(destroyMethod = "close")
    HashTrace hashTrace(SumlogProperties properties) throws IOException {
        return properties.hashTrace() == null ? HashTrace.off() : HashTrace.to(properties.hashTrace());
    }

    @Bean
    ThreadPoolTaskExecutor hashExecutor(BackfillSpec spec) {
        var executor = new ThreadPoolTaskExecutor();
        // Downloads wait on the network, not the CPU: an HTTP source keeps all its connections busy.
        int threads = spec.remoteSource() ? Math.max(spec.threads(), spec.http().concurrency()) : spec.threads();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("hash-");
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    Step groupStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                   ReleaseRepository releases, OutputTree out, StopSignal stop) {
        return new StepBuilder("group", jobRepository)
                .tasklet(new GroupTasklet(releases, spec.sourceId(), out.key()), tx)
                .listener(stop)
                .build();
    }

    @Bean
    Step writeSumsStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                       ReleaseRepository releases, OutputRepository outputs, AlertRepository alerts, OutputTree out,
                       StopSignal stop, ProgressReporter progress) {
        var reader = new PendingReleaseReader(releases, outputs, spec.sourceId(), out, WRITE_CHUNK);
        return new StepBuilder("writeSums", jobRepository).<ReleaseRow, WriteOutcome>chunk(WRITE_CHUNK)
                .transactionManager(tx)
                .reader(reader)
                .processor(new ReleaseSumsProcessor(out, spec.checks().onBad() == ReadChecks.OnBad.HOLD))
                .writer(new SumsOutcomeWriter(releases, outputs, out.key(), alerts))
                .listener(stop).listener(progress)
                .build();
    }

    /** Reconcile only: the published files still hold what sumlog wrote; last, after anything was restored. */
    @Bean
    Step checkOutputsStep(JobRepository jobRepository, PlatformTransactionManager tx, OutputRepository outputs,
                          AlertRepository alerts, OutputTree out, StopSignal stop, ProgressReporter progress) {
        var check = new OutputCheckTasklet(outputs, alerts, out);
        return new StepBuilder("checkOutputs", jobRepository)
                .tasklet(check, tx)
                .listener(check).listener(stop).listener((StepExecutionListener) progress)
                .listener((org.springframework.batch.core.listener.ChunkListener<?, ?>) progress)
                .build();
    }

    /** Rewritten by every run: a snapshot, not a record. */
    @Bean
    Step snapshotStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                      ArtifactRepository artifacts, OutputRepository outputs, ProblemRepository problems,
                      OutputTree out, StopSignal stop) {
        return new StepBuilder("snapshot", jobRepository)
                .tasklet(new SnapshotTasklet(artifacts, outputs, problems, spec.sourceId(), out), tx)
                .listener(stop)
                .build();
    }
}
