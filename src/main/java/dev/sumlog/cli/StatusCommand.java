package dev.sumlog.cli;

import dev.sumlog.job.ProgressFile;
import dev.sumlog.status.StatusReport;
import dev.sumlog.support.OneLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the last runs with their counts, the catalog, and what a re-run would resume.")
class StatusCommand implements Callable<Integer> {

    /** The H2 file CatalogContext opens; its absence means no backfill ever ran in this directory. */
    static final String CATALOG = "catalog.mv.db";

    @Option(names = "--state", paramLabel = "DIR", description = "Catalog and run state (default: ./state).")
    Path state = Path.of("state");

    @Option(names = "--runs", paramLabel = "N", description = "How many runs to list (default: 5).")
    int runs = 5;

    @Override
    public Integer call() throws Exception {
        Path dir = state.toAbsolutePath().normalize();
        // Read-only: never creates anything. A running backfill holds the lock (and H2 admits one
        // process), so it is asked first; without a catalog there is nothing to show, and starting
        // the context would create an empty catalog in whatever folder was named by mistake.
        Optional<StateLock> held = Files.isDirectory(dir) ? StateLock.tryAcquireExisting(dir) : Optional.empty();
        if (Files.isDirectory(dir) && held.isEmpty()) {
            System.out.println("a backfill is running in " + dir + " (" + StateLock.owner(dir) + ")");
            String progress = ProgressFile.read(dir);
            System.out.print(progress == null ? "no progress published yet\n" : OneLine.escapeLines(progress));
            return ExitCodes.OK;
        }
        if (!CatalogContext.usesExternalDatabase() && !Files.isRegularFile(dir.resolve(CATALOG))) {
            held.ifPresent(StatusCommand::release);
            throw new UsageException("--state: no sumlog state in " + dir + " (no " + CATALOG + "; run a backfill first)");
        }
        try (StateLock lock = held.get();
             ConfigurableApplicationContext context = CatalogContext.start(state, "status", ctx -> { })) {
            context.getBean(StatusReport.class).print(System.out, runs);
        }
        return ExitCodes.OK;
    }

    private static void release(StateLock lock) {
        try {
            lock.close();
        } catch (java.io.IOException e) {
            // the process exits next; the kernel releases the lock anyway
        }
    }
}
