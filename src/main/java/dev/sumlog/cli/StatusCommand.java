package dev.sumlog.cli;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.CheckRepository;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.RunHistoryRepository;
import dev.sumlog.job.ProgressFile;
import dev.sumlog.status.AlertList;
import dev.sumlog.status.StatusReport;
import dev.sumlog.support.Failures;
import dev.sumlog.support.OneLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sumlog status}: read-only, and started without Spring, Flyway or the batch machinery (a
 * plain JDBC connection to the catalog, H2 opened read-only), so it answers in well under a second
 * and can never create or change anything in the folder it is pointed at.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the last runs with their counts, the catalog, and what a re-run would resume.",
                "With --alerts: the open alerts (id, time in UTC, kind, subject, evidence, run)."})
class StatusCommand implements Callable<Integer> {

    /** The H2 file of a state directory; its absence means no backfill ever ran there. */
    static final String CATALOG = "catalog.mv.db";

    @Option(names = "--state", paramLabel = "DIR", description = "Catalog and run state (default: ./state).")
    Path state = Path.of("state");

    @Option(names = "--runs", paramLabel = "N", description = "How many runs to list (default: 5).")
    int runs = 5;

    @Option(names = "--alerts", description = "List the open (unacknowledged) alerts instead, oldest first.")
    boolean alerts;

    @Option(names = "--all", description = "With --alerts: every alert, the acknowledged ones with when and why.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        if (all && !alerts) {
            throw new UsageException("--all lists acknowledged alerts too; use it with --alerts");
        }
        Path dir = state.toAbsolutePath().normalize();
        // A running backfill holds the lock (and H2 admits one process), so it is asked first.
        Optional<StateLock> held = Files.isDirectory(dir) ? StateLock.tryAcquireExisting(dir) : Optional.empty();
        if (Files.isDirectory(dir) && held.isEmpty()) {
            System.out.println("a backfill is running in " + dir + " (" + StateLock.owner(dir) + ")");
            if (alerts) {
                System.out.println("alerts: listed once it ends (the catalog admits one process at a time)");
                return ExitCodes.OK;
            }
            String progress = ProgressFile.read(dir);
            System.out.print(progress == null ? "no progress published yet\n" : OneLine.escapeLines(progress));
            return ExitCodes.OK;
        }
        try {
            if (!CatalogDatabase.isExternal() && !Files.isRegularFile(dir.resolve(CATALOG))) {
                throw new UsageException("--state: no sumlog state in " + dir + " (no " + CATALOG
                        + "; run a backfill first)");
            }
            try (var catalog = CatalogDatabase.readOnly(dir)) {
                JdbcTemplate jdbc = new JdbcTemplate(catalog);
                AlertList alertList = new AlertList(new AlertRepository(jdbc));
                if (alerts) {
                    printAlerts(alertList, dir);
                    return ExitCodes.OK;
                }
                printAlertSummary(alertList);
                new StatusReport(new RunHistoryRepository(jdbc), new ReleaseRepository(jdbc), new CheckRepository(jdbc))
                        .print(System.out, runs);
            }
            return ExitCodes.OK;
        } catch (DataAccessException e) {
            throw new UsageException("--state: cannot read the catalog in " + dir + ": " + Failures.oneLine(e));
        } finally {
            if (held.isPresent()) {
                release(held.get());
            }
        }
    }

    private void printAlerts(AlertList alertList, Path dir) {
        try {
            alertList.print(System.out, all);
        } catch (BadSqlGrammarException olderCatalog) {
            throw new UsageException("--state: the catalog in " + dir + " predates alert acknowledgement; "
                    + "the next backfill upgrades it");
        }
    }

    /** The open alerts in one line, first: what an admin must act on. None on a catalog from before V6. */
    private static void printAlertSummary(AlertList alertList) {
        try {
            alertList.printSummary(System.out);
        } catch (BadSqlGrammarException olderCatalog) {
            // no acknowledgements recorded yet: the runs' own alert counts below still show them
        }
    }

    private static void release(StateLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the process exits next; the kernel releases the lock anyway
        }
    }
}
