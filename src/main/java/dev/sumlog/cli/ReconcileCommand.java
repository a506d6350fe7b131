package dev.sumlog.cli;

import dev.sumlog.catalog.ReleaseAcceptances;
import dev.sumlog.job.RunMode;
import java.time.Clock;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sumlog reconcile}: the backfill's job, run by a timer. It differs in how it picks its run
 * (one per day by default, see {@link RunMode}), in checking the published outputs, and in taking an
 * operator's acceptance of a logged release's change. Every option of {@code backfill} applies.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"The nightly run: find new and changed files (size and mtime locally; the listing's size and time over HTTP),"
                + " hash only those, write and log new releases, and raise an alert for every change to what was logged:"
                + " a release member whose digest changed or that disappeared, a release whose SHA256SUMS would change,"
                + " a published sums file or receipt that no longer holds what was written, a signature that no longer verifies.",
                "One run per day (UTC date); running again the same day does nothing unless --run-id names another run.",
                "An interrupted run is resumed first, as with backfill."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:complete, no alert", "1:failed or stopped, or releases still waiting for a log; re-run to resume",
                "2:usage or configuration error", "3:completed with alerts (see `status --alerts`)",
                "4:completed, but some inputs were skipped (named in the output)"})
class ReconcileCommand extends BackfillCommand {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Run under this key instead of today's date (forces a run when today's has completed).")
    String runId;

    @Option(names = "--full", description = "Read and hash every file and every published output again, not only changed ones.")
    boolean full;

    @Option(names = "--accept", paramLabel = "RELEASE",
            description = "Accept the change of a logged release (its name, e.g. openstack/nova/nova-27.0.0, or its sums path):"
                    + " its new sums are logged as a new entry naming the superseded one. Needs --reason.")
    String accept;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the accepted change is legitimate (kept in the catalog).")
    String reason;

    @Override
    public Integer call() throws Exception {
        if (runId != null && !RUN_ID.matcher(runId).matches()) {
            throw new UsageException("--run-id: '" + runId + "' is not a run key (letters, digits, . _ : -; at most 64)");
        }
        if (accept != null && (reason == null || reason.isBlank())) {
            throw new UsageException("--accept needs --reason TEXT: why the change is legitimate");
        }
        if (accept == null && reason != null) {
            throw new UsageException("--reason goes with --accept RELEASE");
        }
        return super.call();
    }

    @Override
    RunMode mode() {
        return RunMode.reconcile(runId, full, Clock.systemUTC());
    }

    @Override
    ReleaseAcceptances.Request acceptance() {
        return accept == null ? null : new ReleaseAcceptances.Request(accept, reason.strip());
    }
}
