package dev.sumlog.job;

import dev.sumlog.SumlogProperties;
import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.LogCheckpointRepository;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.submit.EmbeddedLogTarget;
import dev.sumlog.submit.LogKeyStore;
import dev.sumlog.submit.LogTarget;
import dev.sumlog.submit.PrepareSubmissionsTasklet;
import dev.sumlog.submit.SubmitTasklet;
import java.io.IOException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The backfill's logging steps: the log target, preparing entries, submitting them. Wiring only. */
@Configuration(proxyBeanMethods = false)
@Profile("backfill")
class SubmitStepsConfiguration {

    @Bean(destroyMethod = "close")
    LogTarget logTarget(BackfillSpec spec) throws IOException {
        return EmbeddedLogTarget.open(spec.log().dir(), LogKeyStore.loadOrCreate(spec.state(), spec.log().origin()));
    }

    @Bean
    Step prepareSubmissionsStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                                SubmissionRepository submissions, AlertRepository alerts, LogTarget logTarget,
                                StopSignal stop) {
        return new StepBuilder("prepareSubmissions", jobRepository)
                .tasklet(new PrepareSubmissionsTasklet(submissions, alerts, spec.sourceId(), spec.publicSource(),
                        logTarget.id()), tx)
                .listener(stop)
                .build();
    }

    @Bean
    Step submitStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                    SumlogProperties properties, SubmissionRepository submissions, LogCheckpointRepository checkpoints,
                    LogTarget logTarget, StopSignal stop, ProgressReporter progress) {
        var ownTransaction = new TransactionTemplate(tx);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        var tasklet = new SubmitTasklet(submissions, checkpoints, logTarget, ownTransaction, spec.log().policy(),
                spec.sourceId(), spec.out(), spec.chunkSize(), System.out, haltAfter(properties.haltAfterAppends()));
        return new StepBuilder("submit", jobRepository)
                .tasklet(tasklet, tx)
                .listener(stop).listener(progress)
                .build();
    }

    /** Test-only fault injection (see {@link SumlogProperties#haltAfterAppends()}). */
    private static SubmitTasklet.CrashHook haltAfter(Integer appends) {
        if (appends == null) {
            return () -> { };
        }
        int[] count = {0};
        return () -> {
            if (++count[0] >= appends) {
                Runtime.getRuntime().halt(137);
            }
        };
    }
}
