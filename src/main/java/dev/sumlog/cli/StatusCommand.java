package dev.sumlog.cli;

import dev.sumlog.status.StatusReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the last runs with their counts, the catalog, and what a re-run would resume.")
class StatusCommand implements Callable<Integer> {

    @Option(names = "--state", paramLabel = "DIR", description = "Catalog and run state (default: ./state).")
    Path state = Path.of("state");

    @Option(names = "--runs", paramLabel = "N", description = "How many runs to list (default: 5).")
    int runs = 5;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(state)) {
            throw new UsageException("--state: no state directory at " + state.toAbsolutePath() + " (no run yet?)");
        }
        try (StateLock lock = StateLock.acquire(state);
             ConfigurableApplicationContext context = CatalogContext.start(state, "status", ctx -> { })) {
            context.getBean(StatusReport.class).print(System.out, runs);
        }
        return ExitCodes.OK;
    }
}
