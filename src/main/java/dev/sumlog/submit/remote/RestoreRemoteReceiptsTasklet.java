package dev.sumlog.submit.remote;

import dev.sumlog.catalog.OutputRepository.OutputFile;
import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.catalog.SubmissionRepository.StoredReceipt;
import dev.sumlog.output.OutputFailures;
import dev.sumlog.output.OutputTree;
import dev.sumlog.support.RunIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the receipts of one remote log that the output tree lacks (a new {@code --out}, or a
 * receipt an earlier run could not write), from the receipt stored when the log accepted the entry,
 * verified then: the log is not asked again. One page per call, each in its own transaction;
 * idempotent, because a receipt once registered in the output tree is not selected again.
 */
public class RestoreRemoteReceiptsTasklet implements Tasklet {

    static final int PAGE = 256;

    private final RemoteLog log;
    private final RemoteSubmitTasklet.Repositories repositories;
    private final String source;
    private final OutputTree out;
    private long lastId = Long.MIN_VALUE;

    public RestoreRemoteReceiptsTasklet(RemoteLog log, RemoteSubmitTasklet.Repositories repositories, String source,
                                        OutputTree out) {
        this.log = log;
        this.repositories = repositories;
        this.source = source;
        this.out = out;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String suffix = log.receiptSuffix();
        List<StoredReceipt> page = suffix == null ? List.of() : repositories.submissions()
                .acceptedWithoutReceipt(source, log.id(), out.key(), suffix, lastId, PAGE);
        if (page.isEmpty()) {
            lastId = Long.MIN_VALUE;
            return RepeatStatus.FINISHED;
        }
        lastId = page.get(page.size() - 1).id();
        Map<String, String> owned = repositories.outputs().owned(out.key(),
                page.stream().map(r -> r.sumsPath() + suffix).toList());
        List<OutputFile> written = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>();
        for (StoredReceipt r : page) {
            String path = r.sumsPath() + suffix;
            try {
                written.add(out.publish(path, r.receipt().getBytes(StandardCharsets.UTF_8), owned.get(path)));
            } catch (IOException e) {
                skipped.add(new Problem(path, OutputFailures.skipReason(e, "receipt"), true));
            }
        }
        repositories.outputs().record(out.key(), written);
        repositories.problems().record(RunIds.of(chunkContext), source, skipped);
        contribution.incrementWriteCount(written.size());
        return RepeatStatus.CONTINUABLE;
    }
}
