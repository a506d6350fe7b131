package dev.sumlog.cli;

import dev.sumlog.operations.RunsLeftBehind;
import dev.sumlog.support.OneLine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sumlog recover}: a run left STARTED or STOPPING by a process that was killed is marked FAILED
 * (Spring Batch's {@code JobOperator.recover}), so the next run resumes it. The next backfill does this
 * itself; this command is for an operator who wants the catalog to say so now ({@code status}, metrics)
 * or who will {@code abandon} next.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Mark runs left STARTED or STOPPING by a killed process FAILED, so the next run resumes them.",
                "Takes the state lock: a live run is never touched."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recovered, or nothing to recover", "1:the catalog could not be opened or written",
                "2:usage error, no catalog, or another sumlog process holds the state"})
class RecoverCommand implements Callable<Integer> {

    @Mixin
    StateOrJob where = new StateOrJob();

    @Override
    public Integer call() throws Exception {
        Path dir = ExistingState.require(where.stateDir(), where.option());
        List<RunsLeftBehind.Outcome> recovered = OperationsContext.withRuns(dir, "recover", RunsLeftBehind::recover);
        if (recovered.isEmpty()) {
            System.out.println("nothing to recover: no run in " + dir + " was left running");
        }
        recovered.forEach(r -> System.out.println("recovered run " + r.runId() + " (execution " + r.executionId()
                + ", left " + r.was() + "): " + OneLine.escape(r.what()) + "; the next run resumes it"));
        return ExitCodes.OK;
    }
}
