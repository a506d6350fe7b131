package dev.sumlog.status;

import dev.sumlog.catalog.ArtifactState;
import dev.sumlog.catalog.CatalogTotals;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.ReleaseState;
import dev.sumlog.catalog.RunHistoryRepository;
import dev.sumlog.catalog.RunHistoryRepository.Execution;
import dev.sumlog.catalog.RunHistoryRepository.RunProblems;
import dev.sumlog.support.OneLine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * What `sumlog status` prints: the last runs with their counts, the catalog per archive, and what a
 * re-run would resume. Formatting only; the queries are {@link RunHistoryRepository}'s. Built by
 * hand over a plain connection (no Spring context), see {@code StatusCommand}.
 */
public class StatusReport {

    private final RunHistoryRepository history;
    private final ReleaseRepository releases;

    public StatusReport(RunHistoryRepository history, ReleaseRepository releases) {
        this.history = history;
        this.releases = releases;
    }

    public void print(PrintStream out, int runs) {
        CatalogTotals totals = history.totals();
        out.println("last runs (newest first):");
        List<Long> latest = history.latestRuns(runs);
        if (latest.isEmpty()) {
            out.println("  none yet");
        }
        latest.forEach(run -> printRun(out, run, totals));
        out.println("catalog:");
        List<String> archives = totals.archives();
        if (archives.isEmpty()) {
            out.println("  empty");
        }
        archives.forEach(archive -> printArchive(out, archive, totals));
    }

    /**
     * One run (a job instance: one backfill generation) with its totals, then each of its executions
     * (the first one and every resume), newest first.
     */
    private void printRun(PrintStream out, long run, CatalogTotals totals) {
        List<Execution> executions = history.executions(run);
        if (executions.isEmpty()) {
            return;
        }
        long latest = executions.get(0).id();
        String archive = history.parameter(latest, "archive");
        out.printf("  run %d: %s (from %s) -> %s%n", run, OneLine.escape(archive),
                OneLine.escape(history.parameter(latest, "source")), OneLine.escape(history.parameter(latest, "out")));
        RunProblems problems = history.problems(run);
        out.printf("    files found %d, hashed %d (%s), failed %d; releases written %d; skipped %d; alerts %d%n",
                history.stepWriteCount(run, "crawl"), history.stepWriteCount(run, "hash"),
                megabytes(totals.bytesHashed(run)), totals.filesIn(ArtifactState.FAILED, run),
                totals.releasesIn(ReleaseState.WRITTEN, run), problems.skipped(), problems.alerts());
        for (Execution e : executions) {
            String took = e.start() != null && e.end() != null
                    ? String.format(" in %.1f s", Duration.between(e.start().toInstant(), e.end().toInstant()).toMillis() / 1e3)
                    : "";
            out.printf("    execution %d %s, started %s%s%n", e.id(), e.status(), e.start(), took);
            if (e.id() == latest && !"COMPLETED".equals(e.status()) && !"ABANDONED".equals(e.status())) {
                printResume(out, archive, e.status(), totals);
            }
        }
    }

    private void printResume(PrintStream out, String archive, String status, CatalogTotals totals) {
        String how = switch (status) {
            case "FAILED", "STOPPED" -> "re-running the same backfill command resumes it";
            default -> "it was left " + status + " (process killed?); re-running the same command recovers and resumes it";
        };
        out.printf("      %s: %d files still to hash, %d releases still to write%n", how,
                totals.files(archive, ArtifactState.PENDING), releases.countPending(archive));
    }

    private void printArchive(PrintStream out, String archive, CatalogTotals totals) {
        out.println("  " + OneLine.escape(archive));
        totals.filesByState(archive).forEach(c ->
                out.printf("    files %-8s %8d  %s%n", c.state(), c.rows(), megabytes(c.bytes())));
        totals.releasesByState(archive).forEach(c -> out.printf("    releases %-8s %5d%n", c.state(), c.rows()));
        history.submissionsByLog(archive).forEach(c -> out.printf("    log %s %-8s %5d%n",
                OneLine.escape(c.logId()), c.state(), c.rows()));
        releases.latestNamed(archive, 5).forEach(r -> out.printf("    release %s  rget %s%n",
                OneLine.escape(r.key().displayName()), r.rgetName()));
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
