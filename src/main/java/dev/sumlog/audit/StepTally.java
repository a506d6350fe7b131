package dev.sumlog.audit;

import org.springframework.batch.core.step.StepExecution;

/**
 * Counts of one audit step, kept in its step execution's context (so the job repository holds them
 * beside the step's timings): items checked, conditions found (alerts raised or still open), items
 * that could not be checked.
 */
final class StepTally {

    static final String CHECKED = "audit.checked";
    static final String ALERTS = "audit.alerts";
    static final String UNCHECKED = "audit.unchecked";

    long checked;
    long alerts;
    long unchecked;

    void finding(boolean counts) {
        if (counts) {
            alerts++;
        }
    }

    void recordIn(StepExecution step) {
        step.getExecutionContext().putLong(CHECKED, checked);
        step.getExecutionContext().putLong(ALERTS, alerts);
        step.getExecutionContext().putLong(UNCHECKED, unchecked);
    }
}
