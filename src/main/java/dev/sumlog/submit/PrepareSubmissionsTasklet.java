package dev.sumlog.submit;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.catalog.SubmissionRepository.NewSubmission;
import dev.sumlog.catalog.SubmissionRepository.Unsubmitted;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Persists, before anything is sent, the exact entry each newly written release will be logged
 * with ("persist what you will send"). One page per call, each in its own transaction; idempotent
 * because a release with a submission for its current content is not selected again.
 *
 * <p>A release whose sums changed after other content of it was logged is not submitted: it is
 * stored as CHANGED and raised as an alert, because a logged release must never be silently
 * re-logged with different content.
 */
public class PrepareSubmissionsTasklet implements Tasklet {

    private static final int PAGE = 500;

    private final SubmissionRepository submissions;
    private final AlertRepository alerts;
    private final String source;
    private final String publicSource;
    private final String logId;
    private long lastReleaseId = Long.MIN_VALUE;

    public PrepareSubmissionsTasklet(SubmissionRepository submissions, AlertRepository alerts, String source,
                                     String publicSource, String logId) {
        this.submissions = submissions;
        this.alerts = alerts;
        this.source = source;
        this.publicSource = publicSource;
        this.logId = logId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        List<Unsubmitted> page = submissions.unsubmitted(source, logId, lastReleaseId, PAGE);
        List<NewSubmission> rows = new ArrayList<>(page.size());
        for (Unsubmitted release : page) {
            String name = (release.directory().isEmpty() ? "" : release.directory() + "/") + release.project()
                    + (release.version().isEmpty() ? "" : "-" + release.version());
            String entry = new ReleaseEntry(publicSource, name, release.sumsPath(), release.sumsSha256()).text();
            if (release.loggedSha256() != null) {
                rows.add(new NewSubmission(release.releaseId(), logId, release.sumsSha256(), entry, "CHANGED"));
                alerts.raise(runId, "RELEASE_CHANGED_AFTER_LOGGING", release.sumsPath(),
                        "logged sums sha256 " + release.loggedSha256() + ", now " + release.sumsSha256()
                                + "; not logged again");
            } else {
                rows.add(new NewSubmission(release.releaseId(), logId, release.sumsSha256(), entry, "PENDING"));
            }
            contribution.incrementWriteCount(1);
            lastReleaseId = release.releaseId();
        }
        submissions.insert(rows);
        return page.size() < PAGE ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }
}
