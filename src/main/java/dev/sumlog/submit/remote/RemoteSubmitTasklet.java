package dev.sumlog.submit.remote;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.OutputRepository.OutputFile;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.catalog.SubmissionRepository.AcceptedRow;
import dev.sumlog.catalog.SubmissionRepository.Pending;
import dev.sumlog.output.OutputFailures;
import dev.sumlog.output.OutputTree;
import dev.sumlog.support.RunIds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Sends one remote log's pending submissions, a page per call (one transaction per page), up to
 * {@code concurrency} at once within the log's rate, and publishes each verified receipt beside its
 * sums file. The next page's uploads are queued before a page is awaited, so the uploads never drain
 * at a page boundary; a page in flight when the run dies is simply still pending (its resend is a 409).
 *
 * <p>Never fails the job for the log's sake: an outage, a rejection, a frozen shard or an answer
 * that does not verify leaves the release pending with the reason (the run's report names it and
 * exits non-zero), so one log never holds back another. Exactly once rests on {@link RemoteLog}:
 * the stored request is resent byte for byte, and a repeat is answered as already logged.
 */
public class RemoteSubmitTasklet implements Tasklet {

    /** The alert kind for an answer that did not verify. */
    public static final String UNVERIFIED = "LOG_ANSWER_UNVERIFIED";

    private final RemoteLog log;
    private final Uploads uploads;
    private final SubmissionRepository submissions;
    private final OutputRepository outputs;
    private final ProblemRepository problems;
    private final AlertRepository alerts;
    private final String source;
    private final OutputTree out;
    private final PrintStream console;
    private final int page;
    private long lastId = Long.MIN_VALUE;
    private boolean frozen;
    private InFlight inFlight;

    /** The catalog this step reads and records in. */
    public record Repositories(SubmissionRepository submissions, OutputRepository outputs, ProblemRepository problems,
                               AlertRepository alerts) {
    }

    public RemoteSubmitTasklet(RemoteLog log, Uploads uploads, Repositories repositories, String source,
                               OutputTree out, PrintStream console) {
        this.log = log;
        this.uploads = uploads;
        this.submissions = repositories.submissions();
        this.outputs = repositories.outputs();
        this.problems = repositories.problems();
        this.alerts = repositories.alerts();
        this.source = source;
        this.out = out;
        this.console = console;
        this.page = Math.max(16, uploads.concurrency() * 8);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (inFlight == null) {
            inFlight = frozen ? null : startNextPage();
            if (inFlight == null) {
                return finished();
            }
        }
        InFlight current = inFlight;
        // The next page is queued behind this one before waiting for it: an upload slot freed by this
        // page's last answers takes the next page's first request, so the uploads never drain.
        inFlight = frozen ? null : startNextPage();
        List<Uploads.Outcome> outcomes = Uploads.await(current.futures());
        record(current.batch(), outcomes, contribution, RunIds.of(chunkContext));
        return RepeatStatus.CONTINUABLE;
    }

    /** A page whose uploads have started. */
    private record InFlight(List<Pending> batch, List<Future<Uploads.Outcome>> futures) {
    }

    private InFlight startNextPage() {
        List<Pending> batch = submissions.nextPending(source, log.id(), lastId, page);
        if (batch.isEmpty()) {
            return null;
        }
        lastId = batch.get(batch.size() - 1).id();
        return new InFlight(batch, uploads.start(batch.stream().map(Pending::entry).toList()));
    }

    private void record(List<Pending> batch, List<Uploads.Outcome> outcomes, StepContribution contribution, long runId) {
        List<AcceptedRow> accepted = new ArrayList<>();
        List<Pending> failed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<OutputFile> written = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>();
        Map<String, String> owned = log.receiptSuffix() == null ? Map.of()
                : outputs.owned(out.key(), batch.stream().map(p -> p.sumsPath() + log.receiptSuffix()).toList());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            Uploads.Outcome outcome = outcomes.get(i);
            if (outcome.accepted() != null) {
                String receiptPath = publish(p, outcome.accepted(), owned, written, skipped);
                accepted.add(new AcceptedRow(p.id(), outcome.accepted().index(), receiptPath,
                        outcome.accepted().receipt()));
                continue;
            }
            IOException e = outcome.failure();
            failed.add(p);
            errors.add(e.getMessage());
            if (e instanceof UnverifiedAnswerException) {
                alerts.raise(runId, UNVERIFIED, p.sumsPath(), e.getMessage());
            } else if (e instanceof FrozenLogException && !frozen) {
                frozen = true;
                console.println("sumlog: the log " + log.id() + " is frozen and takes no more entries; set its url "
                        + "in the job file to the next shard (see Sigstore's signing config). Its releases stay pending.");
            }
        }
        submissions.recordAccepted(accepted);
        submissions.recordFailures(failed, errors);
        outputs.record(out.key(), written);
        problems.record(runId, source, skipped);
        contribution.incrementWriteCount(accepted.size());
        if (!failed.isEmpty()) {
            console.println("  submit to " + log.id() + ": " + failed.size() + " release(s) stay pending, e.g. "
                    + failed.get(0).sumsPath() + ": " + errors.get(0));
        }
    }

    /** Writes the receipt; one that cannot be written is reported and rewritten from the catalog later. */
    private String publish(Pending p, RemoteLog.Accepted accepted, Map<String, String> owned, List<OutputFile> written,
                           List<Problem> skipped) {
        if (log.receiptSuffix() == null || accepted.receipt() == null) {
            return null;
        }
        String path = p.sumsPath() + log.receiptSuffix();
        try {
            written.add(out.publish(path, accepted.receipt().getBytes(StandardCharsets.UTF_8), owned.get(path)));
            return path;
        } catch (IOException e) {
            skipped.add(new Problem(path, OutputFailures.skipReason(e, "receipt"), true));
            return null;
        }
    }

    /** The cursor is per step execution: a later run in the same JVM starts from the beginning again. */
    private RepeatStatus finished() {
        lastId = Long.MIN_VALUE;
        frozen = false;
        inFlight = null;
        return RepeatStatus.FINISHED;
    }
}
