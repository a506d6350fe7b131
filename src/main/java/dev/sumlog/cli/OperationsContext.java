package dev.sumlog.cli;

import dev.sumlog.job.BackfillRunner;
import dev.sumlog.operations.RunsLeftBehind;
import java.nio.file.Path;
import java.util.function.Function;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The catalog's job repository for {@code recover} and {@code abandon}, under the state lock. It is
 * the backfill's own context (profile {@code operations}: the JDBC, Flyway and Spring Batch
 * auto-configurations and the repositories, no job), so Spring Batch's rows are written with exactly
 * the configuration that reads them on the next run, and an older catalog is brought up to date as a
 * backfill would. These commands are rare and manual, so the context's two or three seconds of start
 * are worth that over a hand-built job repository.
 */
final class OperationsContext {

    static final String PROFILE = "operations";

    private OperationsContext() {
    }

    static <T> T withRuns(Path state, String command, Function<RunsLeftBehind, T> action) throws Exception {
        try (StateLock lock = StateLock.acquire(state)) {
            ConfigurableApplicationContext context;
            try {
                context = CatalogContext.start(state, PROFILE, ctx -> {
                });
            } catch (RuntimeException e) {
                throw new IllegalStateException(command + " failed: " + BackfillRunner.describe(state, e));
            }
            try (context) {
                return action.apply(new RunsLeftBehind(context.getBean(JobOperator.class), context.getBean(JobRepository.class)));
            }
        }
    }
}
