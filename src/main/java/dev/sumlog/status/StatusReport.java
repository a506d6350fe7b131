package dev.sumlog.status;

import dev.sumlog.catalog.ArtifactState;
import dev.sumlog.catalog.CatalogTotals;
import dev.sumlog.catalog.CheckRepository;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.ReleaseState;
import dev.sumlog.catalog.RunHistoryRepository;
import dev.sumlog.catalog.RunHistoryRepository.Execution;
import dev.sumlog.catalog.RunHistoryRepository.RunProblems;
import dev.sumlog.support.OneLine;
import org.springframework.jdbc.BadSqlGrammarException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * What `sumlog status` prints: the last runs with their counts, the catalog per archive, and what a
 * re-run would resume. Formatting only; the queries are {@link RunHistoryRepository}'s. Built by
 * hand over a plain connection (no Spring context), see {@code StatusCommand}.
 */
public class StatusReport {

    /** Doubted artifacts listed per archive; the rest are counted. */
    static final int LISTED_DOUBTS = 10;

    private final RunHistoryRepository history;
    private final ReleaseRepository releases;
    private final CheckRepository checks;

    public StatusReport(RunHistoryRepository history, ReleaseRepository releases, CheckRepository checks) {
        this.history = history;
        this.releases = releases;
        this.checks = checks;
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
        printChecks(out, archive);
    }

    /** Archive integrity and signature results of the live artifacts, and those in doubt. */
    private void printChecks(PrintStream out, String archive) {
        try {
            printChecksOf(out, archive);
        } catch (BadSqlGrammarException olderCatalog) {
            out.println("    (no read checks recorded: the catalog predates them; the next backfill upgrades it)");
        }
    }

    private void printChecksOf(PrintStream out, String archive) {
        checks.integrity(archive).forEach(c -> out.printf("    archives %-14s %6d%n", c.result(), c.rows()));
        checks.signatures(archive).forEach(c -> out.printf("    signatures %-12s %6d%s%n", c.result(), c.rows(),
                c.key() == null ? "" : "  key " + c.key()));
        List<CheckRepository.Doubted> doubted = checks.doubted(archive, LISTED_DOUBTS);
        doubted.forEach(d -> out.printf("    in doubt: %s: %s%n", OneLine.escape(d.path()), OneLine.escape(d.doubt())));
        long more = checks.countDoubted(archive) - doubted.size();
        if (more > 0) {
            out.printf("    ... and %d more in doubt%n", more);
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
