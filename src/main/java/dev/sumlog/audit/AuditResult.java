package dev.sumlog.audit;

import dev.sumlog.catalog.AlertRepository.Alert;
import java.time.Duration;
import java.util.List;
import org.springframework.batch.core.BatchStatus;

/**
 * How one audit ended, for the command's summary, the JSON report and the metrics.
 *
 * @param runId       the audit's run id (its job instance id), which tags its alerts
 * @param executionId its job execution id
 * @param raised      alerts raised by this audit
 * @param stillOpen   conditions found again whose alert, raised by an earlier run, is still open
 * @param unchecked   what could not be checked (a log out of reach, a file that could not be read), one line each
 * @param steps       counts and timings per step, in the order they ran
 * @param failure     why the job failed, one line, or null
 */
public record AuditResult(BatchStatus status, long runId, long executionId, List<Alert> raised, List<Alert> stillOpen,
                          List<String> unchecked, List<StepCounts> steps, String failure) {

    public AuditResult {
        raised = List.copyOf(raised);
        stillOpen = List.copyOf(stillOpen);
        unchecked = List.copyOf(unchecked);
        steps = List.copyOf(steps);
    }

    /** Whether the audit found something an operator must look at: new alerts, or open ones found again. */
    public boolean alerted() {
        return !raised.isEmpty() || !stillOpen.isEmpty();
    }

    /** Whether everything was checked: the job completed and nothing was out of reach. */
    public boolean complete() {
        return status == BatchStatus.COMPLETED && unchecked.isEmpty();
    }

    /** Items a step checked (0 when the step did not run). */
    public long checked(String step) {
        return steps.stream().filter(s -> s.step().equals(step)).mapToLong(StepCounts::checked).sum();
    }

    /**
     * One step: items checked, conditions found (alerts raised or still open), items that could not be
     * checked, and how long it took.
     */
    public record StepCounts(String step, long checked, long alerts, long unchecked, Duration duration) {
    }
}
