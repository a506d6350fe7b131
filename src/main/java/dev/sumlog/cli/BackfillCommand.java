package dev.sumlog.cli;

import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.catalog.ReleaseAcceptances;
import dev.sumlog.job.BackfillRunner.RunResult;
import dev.sumlog.job.BackfillRunner;
import dev.sumlog.job.BackfillSpec;
import dev.sumlog.job.RunMode;
import dev.sumlog.job.StopSignal;
import dev.sumlog.release.Layout;
import dev.sumlog.submit.EmbeddedLogTarget;
import dev.sumlog.submit.EmbeddedLogs;
import dev.sumlog.submit.remote.RemoteLogs;
import dev.sumlog.support.OneLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Hash every file of an archive (a local tree or an HTTP index listing), group files into releases and write a SHA256SUMS per release.",
                "Re-run the same command to resume after any interruption (SIGTERM, SIGKILL, crash).",
                "SIGTERM stops at the next chunk boundary and leaves a resumable run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:complete", "1:failed or stopped; re-run to resume", "2:usage or configuration error",
                "3:completed with alerts", "4:completed, but some inputs were skipped (named in the output)"})
class BackfillCommand implements Callable<Integer> {

    private static final int LISTED_PROBLEMS = 50;

    @Option(names = "--source", paramLabel = "DIR|URL",
            description = "Archive root to read (never modified): a directory, or an http(s) URL of its index listing.")
    String source;

    @Option(names = "--out", paramLabel = "DIR", description = "Where sums files go, mirroring the archive's directories.")
    Path out;

    @Option(names = "--state", paramLabel = "DIR", description = "Catalog and run state (default: ./state).")
    Path state;

    @Option(names = "--job", paramLabel = "FILE", description = "Job file (YAML); flags override its fields.")
    Path job;

    @Option(names = "--layout", paramLabel = "LAYOUT", description = "flat (default) or per-directory.",
            converter = LayoutConverter.class)
    Layout layout;

    @Option(names = "--threads", paramLabel = "N", description = "Files hashed in parallel (default: cores).")
    Integer threads;

    @Option(names = "--chunk-size", paramLabel = "N", description = "Files per committed chunk (default: 64).")
    Integer chunkSize;

    @Option(names = "--log-batch", paramLabel = "N",
            description = "Releases per log append, one checkpoint each (default: 1024).")
    Integer logBatch;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "How log entries name the archive (default: its file: URL).")
    String publicUrl;

    @Option(names = "--archive-id", paramLabel = "ID",
            description = "The archive's identity in the catalog (default: the public URL, else its file: URL).")
    String archiveId;

    @Override
    public Integer call() throws Exception {
        JobFile fromFile = job == null ? JobFile.empty() : JobFileLoader.load(job);
        JobFile fromFlags = new JobFile(source, out, state, layout, null, null, null, null,
                new JobFile.Tuning(threads, chunkSize, logBatch), publicUrl, null, null, archiveId, null, null, null, null,
                null, null);
        String origin = job == null ? "command line" : "job file " + job;
        BackfillSpec spec = JobFileLoader.resolve(fromFile, fromFlags, origin);
        Preflight.check(spec, origin);
        try (StateLock lock = StateLock.acquire(spec.state())) {
            return runLocked(spec);
        }
    }

    /** How this command chooses its run; {@code reconcile} overrides it. */
    RunMode mode() {
        return RunMode.backfill();
    }

    /** A change to accept before the run ({@code reconcile --accept}), or null. */
    ReleaseAcceptances.Request acceptance() {
        return null;
    }

    private int runLocked(BackfillSpec spec) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        int[] exitCode = {ExitCodes.FAILED};
        EmbeddedLogTarget log = spec.embeddedLog() ? openLog(spec) : null;
        RemoteLogs remoteLogs = RemoteLogOpener.open(spec.remoteLogs(), System.getenv());
        ConfigurableApplicationContext context;
        try {
            context = CatalogContext.start(spec.state(), "backfill", ctx -> {
                ctx.getBeanFactory().registerSingleton("backfillSpec", spec);
                ctx.getBeanFactory().registerSingleton("runMode", mode());
                if (log != null) {
                    ctx.getBeanFactory().registerSingleton("logTarget", log);
                }
                ctx.getBeanFactory().registerSingleton("remoteLogs", remoteLogs);
            });
        } catch (RuntimeException e) {
            // The catalog could not be opened or brought up to date (a migration on a full disk):
            // nothing has run; one line, the likeliest cause first.
            throw new IllegalStateException(mode().command() + " failed: " + diagnose(spec, e)
                    + "; run the same command again to resume");
        }
        Thread onSignal = new Thread(() -> {
            if (finished.getCount() > 0) {
                System.err.println("sumlog: stop requested; finishing the current chunk (re-run the same command to resume)");
                context.getBean(StopSignal.class).request();
                awaitQuietly(finished);
                System.out.flush();
                Runtime.getRuntime().halt(exitCode[0]);
            }
        }, "sumlog-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            BackfillRunner runner = context.getBean(BackfillRunner.class);
            RunResult result;
            try {
                result = runner.run(acceptance());
            } catch (IllegalArgumentException e) {
                // What the operator asked for cannot be done (an unknown release to accept): nothing ran.
                throw new UsageException(e.getMessage());
            } catch (RuntimeException e) {
                // The job repository itself could not record the run: one line, and the likeliest
                // cause first (a full state disk surfaces through Spring Batch as odd errors, such as
                // an "execution already running" race once H2 has closed the database).
                throw new IllegalStateException(mode().command() + " failed: " + diagnose(spec, e)
                        + "; run the same command again to resume");
            }
            exitCode[0] = report(result, System.out, spec.state(), mode().command());
            if (!result.alreadyDone()) {
                exitCode[0] = RunPublisher.publish(context, spec, result.executionId(), exitCode[0], System.err);
            }
            return exitCode[0];
        } finally {
            context.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // a signal arrived: the hook now ends the process with this run's exit code
            }
        }
    }

    private static String diagnose(BackfillSpec spec, RuntimeException e) {
        try {
            long free = Files.getFileStore(spec.state()).getUsableSpace();
            if (free < Preflight.MIN_FREE_BYTES) {
                return "the catalog in " + spec.state() + ": no space left on device (" + free + " bytes free)";
            }
        } catch (IOException unknown) {
            // fall through to the failure itself
        }
        return BackfillRunner.describe(spec.state(), e);
    }

    /** The log is opened before the context, so a lost key or a damaged log is one line and exit 2. */
    private static EmbeddedLogTarget openLog(BackfillSpec spec) {
        try {
            return EmbeddedLogs.open(spec.state(), spec.log().dir(), spec.log().origin());
        } catch (EmbeddedLogs.LogStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Prints what the run reports (the full list goes to a file when long) and returns the exit code. */
    static int report(RunResult result, PrintStream out, Path stateDir) throws IOException {
        return report(result, out, stateDir, RunMode.BACKFILL);
    }

    /** @param command the word the summary starts with: "backfill" or "reconcile" */
    static int report(RunResult result, PrintStream out, Path stateDir, String command) throws IOException {
        if (result.alreadyDone()) {
            return ExitCodes.OK;
        }
        List<Problem> problems = result.problems();
        List<String> lines = problems.stream()
                .map(p -> (p.skipped() ? "skipped: " : "note: ") + OneLine.escape(p.path()) + ": " + OneLine.escape(p.reason()))
                .toList();
        lines.stream().limit(LISTED_PROBLEMS).forEach(out::println);
        if (lines.size() > LISTED_PROBLEMS) {
            Path full = stateDir.resolve("report-" + result.executionId() + ".txt");
            Files.write(full, lines, StandardCharsets.UTF_8);
            out.println("... and " + (lines.size() - LISTED_PROBLEMS) + " more; all of them in " + full);
        }
        result.checked().forEach(line -> out.println("checked " + line));
        result.alerts().forEach(a -> out.println("ALERT: " + OneLine.escape(a)));
        long earlier = result.openAlerts() - result.alerts().size();
        if (earlier > 0) {
            // Exit 3 means "raised by this run"; what earlier runs raised stays open until acknowledged.
            out.println(earlier + " alert(s) from earlier runs not acknowledged yet (status --alerts; ack ALERT --reason TEXT)");
        }
        result.unlogged().forEach(u -> out.println("not logged yet: " + OneLine.escape(u)));
        if (result.unloggedCount() > result.unlogged().size()) {
            out.println("... and " + (result.unloggedCount() - result.unlogged().size()) + " more not logged yet");
        }
        if (result.status() == BatchStatus.COMPLETED && result.unloggedCount() > 0) {
            out.println(command + " complete, but " + result.unloggedCount()
                    + " release(s) are not logged yet; run the same command again to retry"
                    + (result.alerts().isEmpty() ? "" : "; " + result.alerts().size() + " alert(s)"));
            // An alert outranks a pending release: what a log answered did not verify.
            return result.alerts().isEmpty() ? ExitCodes.FAILED : ExitCodes.ALERTS;
        }
        if (result.status() == BatchStatus.COMPLETED) {
            long skipped = problems.stream().filter(Problem::skipped).count();
            out.println(command + " complete" + (skipped > 0 ? ", " + skipped + " input(s) skipped" : "")
                    + (result.alerts().isEmpty() ? "" : ", " + result.alerts().size() + " alert(s)"));
            if (!result.alerts().isEmpty()) {
                return ExitCodes.ALERTS;
            }
            return skipped > 0 ? ExitCodes.SKIPPED : ExitCodes.OK;
        }
        out.println(command + " " + result.status().name().toLowerCase()
                + (result.failure() != null ? ": " + result.failure() : "")
                + "; run the same command again to resume");
        return ExitCodes.FAILED;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
