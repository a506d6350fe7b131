package dev.sumlog.audit;

import dev.sumlog.SumlogProperties;
import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.AuditRepository;
import dev.sumlog.catalog.LogCheckpointRepository;
import dev.sumlog.digest.ArtifactReader;
import dev.sumlog.digest.FileDigester;
import dev.sumlog.digest.LocalArtifactReader;
import dev.sumlog.digest.ReadPass;
import dev.sumlog.job.BackfillSpec;
import dev.sumlog.job.HttpSources;
import java.io.IOException;
import java.time.Clock;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code audit} job: verifyReceipts, checkLogs, checkEntries and, with {@code --rehash}, rehash;
 * tasklet steps, each call one page or one log in its own transaction. Wiring only. The command
 * registers the {@link AuditSpec} (the job and its logs, opened before the context starts, so a
 * missing key is one line and exit 2) as a singleton.
 */
@Configuration(proxyBeanMethods = false)
@Profile("audit")
public class AuditJobConfiguration {

    @Bean
    AuditRepository auditRepository(JdbcTemplate jdbc) {
        return new AuditRepository(jdbc);
    }

    @Bean
    Findings auditFindings(AlertRepository alerts) {
        return new Findings(alerts, System.out);
    }

    @Bean
    AuditHeads auditHeads() {
        return new AuditHeads();
    }

    @Bean
    Job audit(JobRepository jobRepository, PlatformTransactionManager tx, AuditSpec spec, AuditRepository catalog,
              LogCheckpointRepository checkpoints, AuditHeads heads, Findings findings, SumlogProperties properties)
            throws IOException {
        var job = new JobBuilder(AuditRunner.JOB_NAME, jobRepository)
                .start(new StepBuilder("verifyReceipts", jobRepository)
                        .tasklet(new VerifyReceiptsTasklet(spec, catalog, findings, System.out), tx).build())
                .next(new StepBuilder("checkLogs", jobRepository)
                        .tasklet(new CheckLogsTasklet(spec, catalog, checkpoints, heads, findings, System.out,
                                Clock.systemUTC()), tx).build())
                .next(new StepBuilder("checkEntries", jobRepository)
                        .tasklet(new CheckEntriesTasklet(spec, catalog, heads, findings, System.out), tx).build());
        if (spec.rehashPercent().isPresent()) {
            job = job.next(rehashStep(jobRepository, tx, spec, catalog, findings, properties));
        }
        return job.build();
    }

    @Bean
    AuditRunner auditRunner(JobOperator jobOperator, JobRepository jobRepository, Job audit, AuditSpec spec,
                            Findings findings) {
        return new AuditRunner(jobOperator, jobRepository, audit, spec, findings, Clock.systemUTC(), System.out);
    }

    /** Reads through the backfill's kind of reader (file or download), digest only; closed after the step. */
    private static Step rehashStep(JobRepository jobRepository, PlatformTransactionManager tx, AuditSpec spec,
                                   AuditRepository catalog, Findings findings, SumlogProperties properties)
            throws IOException {
        BackfillSpec job = spec.job();
        ReadPass pass = ReadPass.hashOnly(properties.hashBufferBytes());
        ArtifactReader reader = job.remoteSource() ? HttpSources.artifactReader(job.http(), pass)
                : new LocalArtifactReader(new FileDigester(job.source(), pass), false);
        int threads = job.remoteSource() ? Math.max(job.threads(), job.http().concurrency()) : job.threads();
        var tasklet = new RehashTasklet(spec, catalog, reader, threads, findings, System.out);
        return new StepBuilder("rehash", jobRepository).tasklet(tasklet, tx).listener(tasklet).build();
    }
}
