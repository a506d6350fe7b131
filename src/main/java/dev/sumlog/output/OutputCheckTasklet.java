package dev.sumlog.output;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.OutputRepository.Registered;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.release.SumsFileNames;
import dev.sumlog.support.FileStamp;
import dev.sumlog.support.RunIds;
import dev.sumlog.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The reconcile run's last step: every sums file, receipt and bundle sumlog published in this output
 * tree must still hold the bytes it wrote (and logged). A file whose stamp (size, mtime, ctime, inode)
 * is the one last confirmed is not read; any other is read and hashed. One that no longer matches
 * raises {@value #OUTPUT_CHANGED}, once per distinct content (an edit left in place is not raised
 * again each night), and is never rewritten: sumlog replaces only files that hold what it wrote.
 * A missing file is not an alert here: the group and restore steps of the same run write it again.
 *
 * <p>One page of the registry per call and transaction; restart-safe because it changes nothing but
 * confirmed stamps and idempotent alerts. Snapshots of mutable files are rewritten by every run and
 * logged nowhere, so they are not checked. A backfill skips this step (it only runs for
 * {@code reconcile}); {@code --full} reads every file whatever its stamp.
 */
public class OutputCheckTasklet implements Tasklet, StepExecutionListener {

    public static final String OUTPUT_CHANGED = "OUTPUT_CHANGED";
    /** Start of the step's exit description: how many published files it read (their stamp moved, or --full). */
    public static final String REREAD = "published files read:";
    private static final int PAGE = 1000;

    private final OutputRepository outputs;
    private final AlertRepository alerts;
    private final OutputTree out;
    private long afterId;
    private boolean enabled;
    private boolean full;
    private long read;

    public OutputCheckTasklet(OutputRepository outputs, AlertRepository alerts, OutputTree out) {
        this.outputs = outputs;
        this.alerts = alerts;
        this.out = out;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        var parameters = stepExecution.getJobParameters();
        enabled = "reconcile".equals(parameters.getString("command"));
        full = Boolean.parseBoolean(parameters.getString("full"));
        afterId = 0;
        read = 0;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        if (!enabled) {
            return RepeatStatus.FINISHED;
        }
        List<Registered> page = outputs.page(out.key(), afterId, PAGE);
        long runId = RunIds.of(chunkContext);
        for (Registered file : page) {
            afterId = file.id();
            contribution.incrementReadCount();
            if (!file.path().endsWith(SumsFileNames.MUTABLE_SNAPSHOT)) {
                check(runId, file);
            }
        }
        return page.size() < PAGE ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    private void check(long runId, Registered file) throws IOException {
        Path path = out.root().resolve(file.path());
        FileStamp now;
        try {
            var typed = FileStamp.read(path, LinkOption.NOFOLLOW_LINKS);
            if (!typed.isRegularFile()) {
                alerts.raiseOnce(runId, OUTPUT_CHANGED, file.path(), "registered sha256 " + file.sha256()
                        + " (what sumlog wrote), but the path is no longer a regular file", null);
                return;
            }
            now = typed.stamp();
        } catch (NoSuchFileException gone) {
            return;
        }
        if (!full && now.equals(file.stamp())) {
            return;
        }
        read++;
        String found = digest(path);
        if (found.equals(file.sha256())) {
            outputs.confirm(file.id(), now);
        } else {
            alerts.raiseOnce(runId, OUTPUT_CHANGED, file.path(), "registered sha256 " + file.sha256()
                    + " (what sumlog wrote and logged), the file now hashes to " + found + "; left as it is", null);
        }
    }

    /** Streamed: whatever replaced a sums file may be large. */
    private static String digest(Path path) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (enabled) {
            System.out.println("  checkOutputs: " + stepExecution.getReadCount() + " published files, " + read
                    + " read again (stamp moved" + (full ? " or --full" : "") + ")");
        }
        // Kept with the step (EXIT_MESSAGE), so the catalog shows how many published files a run read.
        return stepExecution.getExitStatus().addExitDescription(REREAD + " " + read);
    }
}
