package dev.sumlog.job;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Graceful stop without the JobOperator.stop race (Spring Batch #5308): instead of another thread
 * writing STOPPING to the step execution row, the stop request only marks the running step's
 * in-memory execution {@code terminateOnly}. The step thread itself notices it at the next chunk
 * boundary and ends the step STOPPED after committing that chunk, so the run is restartable and
 * nothing committed is lost. A step starting after the request stops at once.
 */
@Component
public class StopSignal implements StepExecutionListener {

    private volatile boolean requested;
    private volatile StepExecution current;

    public void request() {
        requested = true;
        StepExecution step = current;
        if (step != null) {
            step.setTerminateOnly();
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        current = stepExecution;
        if (requested) {
            stepExecution.setTerminateOnly();
        }
    }
}
