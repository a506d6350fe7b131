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
        // A read-only command: without a catalog there is nothing to show, and starting the context
        // would create an empty catalog (and a lock) in whatever folder was named by mistake.
        if (!Files.isRegularFile(dir.resolve(CATALOG))) {
            throw new UsageException("--state: no sumlog state in " + dir + " (no " + CATALOG + "; run a backfill first)");
        }
        Optional<StateLock> held = StateLock.tryAcquireExisting(dir);
        if (held.isEmpty()) {
            // H2 in file mode admits one process: show what the running job publishes instead.
            System.out.println("a backfill is running in " + dir + " (" + StateLock.owner(dir) + ")");
            String progress = ProgressFile.read(dir);
            System.out.print(progress == null ? "no progress published yet\n" : OneLine.escapeLines(progress));
            return ExitCodes.OK;
        }
        try (StateLock lock = held.get();
             ConfigurableApplicationContext context = CatalogContext.start(state, "status", ctx -> { })) {
            context.getBean(StatusReport.class).print(System.out, runs);
        }
        return ExitCodes.OK;
    }
}
