package dev.sumlog.job;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which command started the job and how it chooses its run.
 *
 * <p>{@code backfill}: one run after another; a completed run is followed by a new one (generation + 1)
 * at every invocation. {@code reconcile}: each run has a key, by default today's date (UTC), and a key
 * that already completed is not run again, so a timer that fires twice in a day does the work once;
 * {@code --run-id} names another key to force a run. Either way an interrupted run is resumed first.
 *
 * @param command  "backfill" or "reconcile", recorded with the run
 * @param runKey   the reconcile run's key, or null for a backfill
 * @param full     read every file again, not only new and changed ones (recorded with the run, so a
 *                 resumed run keeps it)
 */
public record RunMode(String command, String runKey, boolean full) {

    public static final String BACKFILL = "backfill";
    public static final String RECONCILE = "reconcile";

    /** Job parameter names: not identifying (a run's identity is its archive and generation). */
    public static final String COMMAND_PARAMETER = "command";
    public static final String RUN_KEY_PARAMETER = "run-key";
    public static final String FULL_PARAMETER = dev.sumlog.catalog.CrawlWriter.FULL_PARAMETER;

    public static RunMode backfill() {
        return new RunMode(BACKFILL, null, false);
    }

    /** @param runId the operator's {@code --run-id}, or null for today's date */
    public static RunMode reconcile(String runId, boolean full, Clock clock) {
        String key = runId != null ? runId : LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        return new RunMode(RECONCILE, key, full);
    }

    public boolean reconcile() {
        return RECONCILE.equals(command);
    }
}
