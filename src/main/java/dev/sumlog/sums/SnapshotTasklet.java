package dev.sumlog.sums;

import dev.sumlog.release.SumsFileNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes, per directory, the snapshot of files that belong to no release (branch tarballs and other
 * mutable files, and unclassified files): same line format as a sums file so {@code sha256sum -c}
 * reads it, under a name that can never be taken for a release's sums. It is a point-in-time record
 * rewritten by every run, streamed one directory at a time. Idempotent, so it needs no restart state.
 */
public class SnapshotTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final String source;
    private final Path outRoot;

    public SnapshotTasklet(JdbcTemplate jdbc, String source, Path outRoot) {
        this.jdbc = jdbc;
        this.source = source;
        this.outRoot = outRoot.toAbsolutePath().normalize();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<SumsLine> lines = new ArrayList<>();
        String[] current = {null};
        jdbc.query("""
                SELECT directory, file_name, sha256 FROM artifact
                WHERE source = ? AND project IS NULL AND state = 'HASHED' ORDER BY directory""", rs -> {
            String directory = rs.getString(1);
            if (current[0] != null && !current[0].equals(directory)) {
                write(current[0], lines);
                lines.clear();
            }
            current[0] = directory;
            lines.add(SumsLine.ofHex(rs.getString(2), rs.getString(3)));
            contribution.incrementWriteCount(1);
        }, source);
        if (current[0] != null) {
            write(current[0], lines);
        }
        return RepeatStatus.FINISHED;
    }

    private void write(String directory, List<SumsLine> lines) {
        Path target = outRoot.resolve(directory).resolve(SumsFileNames.MUTABLE_SNAPSHOT).normalize();
        try {
            if (!target.startsWith(outRoot)) {
                throw new IOException("snapshot path escapes the output root: " + directory);
            }
            AtomicFiles.write(target, SumsFormat.format(lines));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot for directory '" + directory + "': " + e.getMessage(), e);
        }
    }
}
