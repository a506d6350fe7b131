package dev.sumlog.job;

import dev.sumlog.SumlogProperties;
import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.Backlog;
import dev.sumlog.catalog.LogCheckpointRepository;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.output.OutputTree;
import dev.sumlog.submit.LogTarget;
import dev.sumlog.submit.PrepareSubmissionsTasklet;
import dev.sumlog.submit.RestoreReceiptsTasklet;
import dev.sumlog.submit.SubmitTasklet;
import dev.sumlog.submit.remote.RemoteLogs;
import dev.sumlog.submit.remote.RemoteSubmitTasklet;
import dev.sumlog.submit.remote.RestoreRemoteReceiptsTasklet;
import dev.sumlog.submit.remote.Uploads;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backfill's logging steps, per log the job names: for the embedded log, preparing entries,
 * restoring receipts the output tree lacks, and submitting; for each remote log, preparing its signed
 * requests and submitting them. Wiring only. The logs are opened by the command before the context
 * starts (so a missing key or a damaged log is one line, not a bean failure) and registered as
 * singletons: {@link LogTarget} only when the job uses the embedded log, {@link RemoteLogs} always.
 *
 * <p>The embedded log's steps come first: they are local and fast, and a remote log's steps never
 * fail the job for the log's sake (an outage leaves its releases pending), so no log holds back
 * another.
 */
@Configuration(proxyBeanMethods = false)
@Profile("backfill")
class SubmitStepsConfiguration {

    /** The logging steps in the order they run. */
    record LogSteps(List<Step> steps) {
    }

    @Bean
    SubmitTasklet.Repositories submitRepositories(SubmissionRepository submissions, LogCheckpointRepository checkpoints,
                                                  OutputRepository outputs, ProblemRepository problems) {
        return new SubmitTasklet.Repositories(submissions, checkpoints, outputs, problems);
    }

    @Bean
    LogSteps logSteps(JobRepository jobRepository, PlatformTransactionManager tx, BackfillSpec spec,
                      SumlogProperties properties, SubmitTasklet.Repositories repositories,
                      ObjectProvider<LogTarget> embedded, RemoteLogs remoteLogs, AlertRepository alerts,
                      OutputTree out, StopSignal stop, ProgressReporter progress) {
        List<Step> steps = new ArrayList<>();
        LogTarget logTarget = embedded.getIfAvailable();
        if (logTarget != null) {
            steps.add(new StepBuilder("prepareSubmissions", jobRepository)
                    .tasklet(new PrepareSubmissionsTasklet(repositories.submissions(), repositories.problems(),
                            spec.sourceId(), logTarget.id(), PrepareSubmissionsTasklet.releaseEntries(spec.publicSource())), tx)
                    .listener(stop).build());
            steps.add(new StepBuilder("restoreReceipts", jobRepository)
                    .tasklet(new RestoreReceiptsTasklet(repositories, logTarget, spec.sourceId(), out), tx)
                    .listener(stop).listener((StepExecutionListener) progress).listener((ChunkListener<?, ?>) progress)
                    .build());
            progress.backlog("submit", () -> new Backlog(repositories.submissions().countPending(spec.sourceId(),
                    logTarget.id()), 0));
            var ownTransaction = new TransactionTemplate(tx);
            ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            var tasklet = new SubmitTasklet(repositories, logTarget, ownTransaction, spec.log().policy(),
                    spec.sourceId(), out, spec.log().batch(), System.out, haltAfter(properties.haltAfterAppends()));
            // Both listener roles of the reporter: the step's start and end, and each tasklet call.
            steps.add(new StepBuilder("submit", jobRepository).tasklet(tasklet, tx)
                    .listener(stop).listener((StepExecutionListener) progress).listener((ChunkListener<?, ?>) progress)
                    .build());
        }
        var remoteRepositories = new RemoteSubmitTasklet.Repositories(repositories.submissions(), repositories.outputs(),
                repositories.problems(), alerts);
        int n = 0;
        for (RemoteLogs.Opened opened : remoteLogs.logs()) {
            // Step names are unique per job and at most 100 characters: a number and the log's host.
            String name = "log" + (++n) + "-" + host(opened.log().id());
            var log = opened.log();
            steps.add(new StepBuilder("prepareSubmissions-" + name, jobRepository)
                    .tasklet(new PrepareSubmissionsTasklet(repositories.submissions(), repositories.problems(),
                            spec.sourceId(), log.id(), release -> log.request(release.sumsSha256(),
                            publicUrlOf(spec, release.sumsPath()))), tx)
                    .listener(stop).build());
            steps.add(new StepBuilder("restoreReceipts-" + name, jobRepository)
                    .tasklet(new RestoreRemoteReceiptsTasklet(log, remoteRepositories, spec.sourceId(), out), tx)
                    .listener(stop).listener((StepExecutionListener) progress).listener((ChunkListener<?, ?>) progress)
                    .build());
            progress.backlog("submit-" + name, () -> new Backlog(repositories.submissions().countPending(spec.sourceId(),
                    log.id()), 0));
            var uploads = new Uploads(log, opened.policy(), opened.concurrency(), System.out);
            steps.add(new StepBuilder("submit-" + name, jobRepository)
                    .tasklet(new RemoteSubmitTasklet(log, uploads, remoteRepositories, spec.sourceId(), out,
                            System.out), tx)
                    .listener(stop).listener((StepExecutionListener) progress).listener((ChunkListener<?, ?>) progress)
                    .build());
        }
        return new LogSteps(steps);
    }

    /** Where the sums file is published: under the job's public-url (outputs served with the archive), or null. */
    private static String publicUrlOf(BackfillSpec spec, String sumsPath) {
        if (spec.publicSource().startsWith("file:")) {
            return null;
        }
        StringBuilder url = new StringBuilder(spec.publicSource().replaceAll("/+$", ""));
        for (String segment : sumsPath.split("/")) {
            url.append('/').append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return url.toString();
    }

    private static String host(String url) {
        String host = java.net.URI.create(url).getHost();
        return host.length() > 60 ? host.substring(0, 60) : host;
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
