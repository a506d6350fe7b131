package dev.sumlog.cli;

import dev.sumlog.catalog.CheckRepository;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.RunHistoryRepository;
import dev.sumlog.job.ProgressFile;
import dev.sumlog.status.StatusReport;
import dev.sumlog.support.Failures;
import dev.sumlog.support.OneLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sumlog status}: read-only, and started without Spring, Flyway or the batch machinery (a
 * plain JDBC connection to the catalog, H2 opened read-only), so it answers in well under a second
 * and can never create or change anything in the folder it is pointed at.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the last runs with their counts, the catalog, and what a re-run would resume.")
class StatusCommand implements Callable<Integer> {

    /** The H2 file of a state directory; its absence means no backfill ever ran there. */
    static final String CATALOG = "catalog.mv.db";

    @Option(names = "--state", paramLabel = "DIR", description = "Catalog and run state (default: ./state).")
    Path state = Path.of("state");

    @Option(names = "--runs", paramLabel = "N", description = "How many runs to list (default: 5).")
    int runs = 5;

    @Override
    public Integer call() throws Exception {
        Path dir = state.toAbsolutePath().normalize();
        // A running backfill holds the lock (and H2 admits one process), so it is asked first.
        Optional<StateLock> held = Files.isDirectory(dir) ? StateLock.tryAcquireExisting(dir) : Optional.empty();
        if (Files.isDirectory(dir) && held.isEmpty()) {
            System.out.println("a backfill is running in " + dir + " (" + StateLock.owner(dir) + ")");
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

    private static void release(StateLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the process exits next; the kernel releases the lock anyway
        }
    }
}
