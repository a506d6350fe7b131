package dev.sumlog.submit;

import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.catalog.SubmissionRepository.NewSubmission;
import dev.sumlog.catalog.SubmissionRepository.Unsubmitted;
import dev.sumlog.support.RunIds;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Persists, before anything is sent, the exact entry each newly written release will be logged
 * with ("persist what you will send"). One page per call, each in its own transaction; idempotent
 * because a release with a submission for its current content is not selected again. A release
 * logged before with other content is never selected: the write step keeps its published sums and
 * raises the alert.
 */
public class PrepareSubmissionsTasklet implements Tasklet {

    static final int PAGE = 500;

    private final SubmissionRepository submissions;
    private final ProblemRepository problems;
    private final String source;
    private final String logId;
    private final EntryMaker entries;
    private long lastReleaseId = Long.MIN_VALUE;

    /** What is sent to the log for a release; an IllegalArgumentException skips that release, named. */
    public interface EntryMaker {
        String entry(Unsubmitted release);
    }

    /** The embedded log's entries: {@link ReleaseEntry} naming the archive by {@code publicSource}. */
    public static EntryMaker releaseEntries(String publicSource) {
        return release -> new ReleaseEntry(publicSource, release.key().displayName(), release.sumsPath(),
                release.sumsSha256(), release.supersedes()).text();
    }

    public PrepareSubmissionsTasklet(SubmissionRepository submissions, ProblemRepository problems, String source,
                                     String logId, EntryMaker entries) {
        this.submissions = submissions;
        this.problems = problems;
        this.source = source;
        this.logId = logId;
        this.entries = entries;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Unsubmitted> page = submissions.unsubmitted(source, logId, lastReleaseId, PAGE);
        List<NewSubmission> rows = new ArrayList<>(page.size());
        List<Problem> skipped = new ArrayList<>();
        for (Unsubmitted release : page) {
            lastReleaseId = release.releaseId();
            try {
                String entry = entries.entry(release);
                rows.add(new NewSubmission(release.releaseId(), logId, release.sumsSha256(), entry));
            } catch (IllegalArgumentException e) {
                // An entry over the log's size limit: this release only, reported on every run until fixed.
                skipped.add(new Problem(release.key().displayName(), "not logged: " + e.getMessage(), true));
            }
        }
        submissions.insert(rows);
        problems.record(RunIds.of(chunkContext), source, skipped);
        contribution.incrementWriteCount(rows.size());
        return page.size() < PAGE ? finished() : RepeatStatus.CONTINUABLE;
    }

    /** The cursor is per step execution: a later run in the same JVM starts from the beginning again. */
    private RepeatStatus finished() {
        lastReleaseId = Long.MIN_VALUE;
        return RepeatStatus.FINISHED;
    }
}
