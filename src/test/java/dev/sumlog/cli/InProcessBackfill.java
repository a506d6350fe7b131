package dev.sumlog.cli;

import dev.sumlog.job.BackfillRunner;
import dev.sumlog.job.RunMode;
import dev.sumlog.job.BackfillSpec;
import dev.sumlog.submit.EmbeddedLogs;
import dev.sumlog.submit.remote.RemoteLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backfill's context in the test's JVM, started from a job file as {@code BackfillCommand.runLocked}
 * starts it (state lock, embedded log, context), for tests that run the whole job and then look at the
 * catalog. Close it to stop the context and release the lock.
 */
public record InProcessBackfill(ConfigurableApplicationContext context, StateLock lock, BackfillRunner runner, JdbcTemplate jdbc)
        implements AutoCloseable {

    /** Writes {@code yaml} to {@code dir/job.yml} (relative paths are relative to {@code dir}) and starts its context. */
    public static InProcessBackfill start(Path dir, String yaml) throws Exception {
        return start(dir, yaml, RunMode.backfill());
    }

    /** As {@link #start(Path, String)}, for the command {@code mode} says (a reconcile, a full one). */
    public static InProcessBackfill start(Path dir, String yaml, RunMode mode) throws Exception {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("job.yml"), yaml);
        BackfillSpec spec = JobFileLoader.resolve(JobFileLoader.load(file), JobFile.empty(), "job file " + file);
        Preflight.check(spec, "test");
        StateLock lock = StateLock.acquire(spec.state());
        var log = EmbeddedLogs.open(spec.state(), spec.log().dir(), spec.log().origin());
        ConfigurableApplicationContext context = CatalogContext.start(spec.state(), "backfill", ctx -> {
            ctx.getBeanFactory().registerSingleton("backfillSpec", spec);
            ctx.getBeanFactory().registerSingleton("runMode", mode);
            ctx.getBeanFactory().registerSingleton("logTarget", log);
            ctx.getBeanFactory().registerSingleton("remoteLogs", RemoteLogs.none());
        });
        return new InProcessBackfill(context, lock, context.getBean(BackfillRunner.class), context.getBean(JdbcTemplate.class));
    }

    @Override
    public void close() throws Exception {
        context.close();
        lock.close();
    }
}
