package dev.sumlog.job;

import dev.sumlog.SumlogProperties;
import dev.sumlog.catalog.LogCheckpointRepository;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.output.OutputTree;
import dev.sumlog.submit.LogTarget;
import dev.sumlog.submit.PrepareSubmissionsTasklet;
import dev.sumlog.submit.RestoreReceiptsTasklet;
import dev.sumlog.submit.SubmitTasklet;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backfill's logging steps: preparing entries, restoring receipts the output tree lacks,
 * submitting. Wiring only. The {@link LogTarget} is opened by the command before the context
 * starts (so a missing key or a damaged log is one line, not a bean failure) and registered as a
 * singleton.
 */
@Configuration(proxyBeanMethods = false)
@Profile("backfill")
class SubmitStepsConfiguration {

    @Bean
    SubmitTasklet.Repositories submitRepositories(SubmissionRepository submissions, LogCheckpointRepository checkpoints,
                                                  OutputRepository outputs, ProblemRepository problems) {
        return new SubmitTasklet.Repositories(submissions, checkpoints, outputs, problems);
    }

    @Bean
    Step prepareSubmissionsStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                                SubmissionRepository submissions, ProblemRepository problems, LogTarget logTarget,
                                StopSignal stop) {
        return new StepBuilder("prepareSubmissions", jobRepository)
                .tasklet(new PrepareSubmissionsTasklet(submissions, problems, spec.sourceId(), spec.publicSource(),
                        logTarget.id()), tx)
                .listener(stop)
                .build();
    }

    @Bean
    Step restoreReceiptsStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                             SubmitTasklet.Repositories repositories, LogTarget logTarget, OutputTree out,
                             StopSignal stop) {
        return new StepBuilder("restoreReceipts", jobRepository)
                .tasklet(new RestoreReceiptsTasklet(repositories, logTarget, spec.sourceId(), out), tx)
                .listener(stop)
                .build();
    }

    @Bean
    Step submitStep(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                    SumlogProperties properties, SubmitTasklet.Repositories repositories, LogTarget logTarget,
                    OutputTree out, StopSignal stop, ProgressReporter progress) {
        var ownTransaction = new TransactionTemplate(tx);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        var tasklet = new SubmitTasklet(repositories, logTarget, ownTransaction, spec.log().policy(),
                spec.sourceId(), out, spec.log().batch(), System.out, haltAfter(properties.haltAfterAppends()));
        // Both listener roles of the reporter: the step's start and end, and each tasklet call.
        return new StepBuilder("submit", jobRepository)
                .tasklet(tasklet, tx)
                .listener(stop).listener((StepExecutionListener) progress).listener((ChunkListener<?, ?>) progress)
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
