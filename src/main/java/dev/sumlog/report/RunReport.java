package dev.sumlog.report;

import java.time.Instant;
import java.util.List;

/**
 * What one run of {@code backfill}, {@code reconcile} or {@code audit} did, as the JSON report a job
 * file names ({@code report: PATH}) holds it. Field order is the JSON's order and never changes
 * within one {@link #FORMAT}; a field is added, never renamed, so scripts reading v1 keep working.
 *
 * @param format      always {@link #FORMAT}
 * @param command     backfill, reconcile or audit
 * @param archive     the archive's identity in the catalog (archive-id, public URL or file: URL)
 * @param runId       the run number {@code status} shows (the Spring Batch job instance id): the same
 *                    across every resume of one run
 * @param runKey      a reconcile's run key (its date, or {@code --run-id}); null for other commands
 * @param executionId this execution of the run (a resumed run has several)
 * @param status      Spring Batch's status of the execution: COMPLETED, FAILED, STOPPED...
 * @param exitCode    the command's exit code (0 ok, 1 failed or pending, 3 alerts, 4 skipped inputs)
 * @param failure     why the execution failed, in one line; null when it did not
 * @param started     when this execution started (UTC)
 * @param ended       when it ended (UTC); null if it has not (never the case once a command reports)
 * @param durationSeconds ended - started, in seconds (millisecond precision)
 * @param counts      what the whole run did (every execution of it), from the catalog
 * @param alerts      alerts the run raised, oldest first
 * @param skipped     inputs left out and releases left unwritten, by path (what makes exit code 4)
 * @param steps       this execution's steps in the order they ran
 */
public record RunReport(String format, String command, String archive, long runId, String runKey, long executionId,
                        String status, int exitCode, String failure, Instant started, Instant ended,
                        double durationSeconds, Counts counts, List<Alert> alerts, List<Skipped> skipped,
                        List<Step> steps) {

    public static final String FORMAT = "sumlog.dev/run-report/v1";

    /**
     * Counts of the run. Files and releases are the catalog's rows this run last hashed or wrote;
     * {@code entriesLogged} is what the run's submit steps committed (every log); the pending count is
     * the archive's, at the end of the run.
     *
     * @param filesFound         entries the crawl listed (files and skipped entries)
     * @param filesHashed        files read and hashed
     * @param filesFailed        files that could not be read
     * @param bytesHashed        bytes of the files read
     * @param releasesWritten    releases whose sums file was written
     * @param releasesChanged    logged releases whose content changed (each raised an alert)
     * @param releasesBlocked    releases not written (an unreadable member, an output that cannot be written)
     * @param entriesLogged      log entries recorded (appended or found in the log), over every log
     * @param submissionsPending entries of the archive still waiting for a log, over every log
     * @param inputsSkipped      the length of {@link RunReport#skipped}
     * @param alertsRaised       the length of {@link RunReport#alerts}
     */
    public record Counts(long filesFound, long filesHashed, long filesFailed, long bytesHashed, long releasesWritten,
                         long releasesChanged, long releasesBlocked, long entriesLogged, long submissionsPending,
                         long inputsSkipped, long alertsRaised) {
    }

    /** An alert the run raised, with the id {@code sumlog ack} takes. */
    public record Alert(long id, String kind, String subject, String evidence) {
    }

    /** An input the run left out, or a release it left unwritten, and why. */
    public record Skipped(String path, String reason) {
    }

    /**
     * One step of this execution.
     *
     * @param readCount  items read (0 for a tasklet step)
     * @param writeCount items committed (files, releases, entries... as the step counts them)
     */
    public record Step(String name, String status, long readCount, long writeCount, double seconds) {
    }
}
