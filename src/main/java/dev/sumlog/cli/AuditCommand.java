package dev.sumlog.cli;

import dev.sumlog.audit.AuditResult;
import dev.sumlog.audit.AuditRunner;
import dev.sumlog.audit.AuditSpec;
import dev.sumlog.job.BackfillRunner;
import dev.sumlog.job.BackfillSpec;
import dev.sumlog.support.OneLine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Check that nothing logged has changed: every receipt verified again offline, each log's "
                + "current checkpoint checked against the last trusted one (rolled back, forked, another key), every "
                + "logged entry still at its index with the same bytes, and with --rehash a random sample of the "
                + "archive read again.",
                "Each run is a new run (its id tags its alerts); a condition found again is not raised again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing changed", "1:a log or file could not be checked (named), or the run failed",
                "2:usage or configuration error", "3:alerts (new, or raised before and still open)"})
class AuditCommand implements Callable<Integer> {

    @Option(names = "--job", paramLabel = "FILE", required = true, description = "The backfill's job file (YAML).")
    Path job;

    @Option(names = "--state", paramLabel = "DIR", description = "Catalog and run state (default: the job file's).")
    Path state;

    @Option(names = "--rehash", paramLabel = "PERCENT",
            description = "Also read this share of the archive's release files again (0 < PERCENT <= 100).")
    String rehash;

    @Override
    public Integer call() throws Exception {
        OptionalDouble percent = percent(rehash);
        JobFile fromFile = JobFileLoader.load(job);
        JobFile fromFlags = JobFile.local(null, null, state, null, null, null, null, null, null, null, null, null, null);
        String origin = "job file " + job;
        BackfillSpec spec = JobFileLoader.resolve(fromFile, fromFlags, origin);
        Preflight.check(spec, origin);
        try (StateLock lock = StateLock.acquire(spec.state())) {
            AuditSpec audit = new AuditSpec(spec, AuditLogs.open(spec), percent);
            ConfigurableApplicationContext context;
            try {
                context = CatalogContext.start(spec.state(), "audit",
                        ctx -> ctx.getBeanFactory().registerSingleton("auditSpec", audit));
            } catch (RuntimeException e) {
                throw new IllegalStateException("audit failed: " + BackfillRunner.describe(spec.state(), e));
            }
            try {
                AuditResult result;
                try {
                    result = context.getBean(AuditRunner.class).run();
                } catch (RuntimeException e) {
                    throw new IllegalStateException("audit failed: " + BackfillRunner.describe(spec.state(), e));
                }
                return RunPublisher.publish(context, spec, result.executionId(), report(result, System.out), System.err);
            } finally {
                context.close();
            }
        }
    }

    /** {@code --rehash}: a percentage in (0, 100], digits with an optional fraction and an optional {@code %}. */
    static OptionalDouble percent(String value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        String digits = value.trim().endsWith("%") ? value.trim().substring(0, value.trim().length() - 1) : value.trim();
        double parsed = digits.matches("\\d{1,3}(\\.\\d{1,6})?") ? Double.parseDouble(digits) : Double.NaN;
        if (!(parsed > 0 && parsed <= 100)) {
            throw new UsageException("--rehash: expected a percentage above 0 and at most 100, got \""
                    + OneLine.escape(value) + "\"");
        }
        return OptionalDouble.of(parsed);
    }

    /** Prints the last line and returns the exit code: alerts outrank what could not be checked. */
    static int report(AuditResult result, PrintStream out) {
        if (result.status() != BatchStatus.COMPLETED) {
            out.println("audit " + result.status().name().toLowerCase() + (result.failure() == null ? ""
                    : ": " + result.failure()));
            return ExitCodes.FAILED;
        }
        int alerts = result.raised().size() + result.stillOpen().size();
        boolean rehashed = result.steps().stream().anyMatch(s -> s.step().equals("rehash"));
        out.println("audit " + (result.complete() ? "complete" : "incomplete") + ": "
                + result.checked("verifyReceipts") + " receipts, " + result.checked("checkEntries") + " entries, "
                + result.checked("checkLogs") + " logs checked"
                + (rehashed ? ", " + result.checked("rehash") + " files re-read" : "")
                + ", " + alerts + " alert(s)"
                + (result.unchecked().isEmpty() ? "" : ", " + result.unchecked().size() + " not checked (named above)"));
        if (result.alerted()) {
            return ExitCodes.ALERTS;
        }
        return result.complete() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
