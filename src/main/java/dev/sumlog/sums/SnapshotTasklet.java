package dev.sumlog.sums;

import dev.sumlog.catalog.ArtifactRepository;
import dev.sumlog.catalog.ArtifactRepository.UnreleasedFile;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.OutputRepository.OutputFile;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.output.OutputFailures;
import dev.sumlog.output.OutputTree;
import dev.sumlog.release.SumsFileNames;
import dev.sumlog.support.RunIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes, per directory, the snapshot of files that belong to no release (branch tarballs and other
 * mutable files, and unclassified files): same line format as a sums file so {@code sha256sum -c}
 * reads it, under a name that can never be taken for a release's sums. It is a point-in-time record
 * rewritten by every run, streamed one directory at a time. Idempotent, so it needs no restart
 * state. A directory whose snapshot cannot be written is reported as skipped; the others go on.
 */
public class SnapshotTasklet implements Tasklet {

    private final ArtifactRepository artifacts;
    private final OutputRepository outputs;
    private final ProblemRepository problems;
    private final String source;
    private final OutputTree out;

    public SnapshotTasklet(ArtifactRepository artifacts, OutputRepository outputs, ProblemRepository problems,
                           String source, OutputTree out) {
        this.artifacts = artifacts;
        this.outputs = outputs;
        this.problems = problems;
        this.source = source;
        this.out = out;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        List<SumsLine> lines = new ArrayList<>();
        List<OutputFile> written = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>();
        String[] current = {null};
        artifacts.forEachUnreleased(source, (UnreleasedFile file) -> {
            if (current[0] != null && !current[0].equals(file.directory())) {
                write(current[0], lines, written, skipped);
                lines.clear();
            }
            current[0] = file.directory();
            lines.add(SumsLine.ofHex(file.fileName(), file.sha256()));
            contribution.incrementWriteCount(1);
        });
        if (current[0] != null) {
            write(current[0], lines, written, skipped);
        }
        outputs.record(out.key(), written);
        problems.record(RunIds.of(chunkContext), source, skipped);
        return RepeatStatus.FINISHED;
    }

    private void write(String directory, List<SumsLine> lines, List<OutputFile> written, List<Problem> skipped) {
        String path = directory.isEmpty() ? SumsFileNames.MUTABLE_SNAPSHOT : directory + "/" + SumsFileNames.MUTABLE_SNAPSHOT;
        try {
            written.add(out.publish(path, SumsFormat.format(lines), outputs.owned(out.key(), List.of(path)).get(path)));
        } catch (IOException e) {
            skipped.add(new Problem(path, OutputFailures.skipReason(e, "snapshot"), true));
        }
    }
}
