package dev.sumlog.cli;

import dev.sumlog.operations.RunsLeftBehind;
import dev.sumlog.support.OneLine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sumlog abandon}: the latest run, when unfinished, is marked ABANDONED, so the next run starts
 * a new one (a new generation: it crawls from the start and hashes only what is new or changed, as
 * after a completed run) instead of resuming it. Nothing committed is undone: the catalog keeps every
 * file, release and log entry the abandoned run recorded.
 */
@Command(name = "abandon", mixinStandardHelpOptions = true,
        description = {"Mark the latest run ABANDONED when it is unfinished (FAILED, STOPPED, or left running by a "
                + "killed process: recovered first), so the next run starts a new one instead of resuming it.",
                "Nothing recorded is undone. Takes the state lock: a live run is never touched."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:abandoned, or nothing to abandon", "1:the catalog could not be opened or written",
                "2:usage error, no catalog, or another sumlog process holds the state"})
class AbandonCommand implements Callable<Integer> {

    @Mixin
    StateOrJob where = new StateOrJob();

    @Override
    public Integer call() throws Exception {
        Path dir = ExistingState.require(where.stateDir(), where.option());
        List<RunsLeftBehind.Outcome> abandoned = OperationsContext.withRuns(dir, "abandon", RunsLeftBehind::abandon);
        if (abandoned.isEmpty()) {
            System.out.println("nothing to abandon: the latest runs in " + dir + " are complete (or there are none)");
        }
        abandoned.forEach(a -> System.out.println("abandoned run " + a.runId() + " (execution " + a.executionId()
                + ", " + (a.recovered() ? "left " + a.was() + ", recovered first" : a.was()) + "): "
                + OneLine.escape(a.what()) + "; the next run starts a new one"));
        return ExitCodes.OK;
    }
}
