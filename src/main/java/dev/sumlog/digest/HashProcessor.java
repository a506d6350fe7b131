package dev.sumlog.digest;

import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.catalog.PendingArtifact;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Hashes one pending artifact. Runs on the hash pool's threads ({@link HashPipeline}; the chunk's
 * reads and writes stay on the step thread), so it holds no state besides the thread-safe reader
 * and the trace.
 * An unreadable file is not an error of the step: it becomes a FAILED outcome with its reason.
 */
public class HashProcessor implements ItemProcessor<PendingArtifact, HashOutcome> {

    private final ArtifactReader reader;
    private final HashTrace trace;

    public HashProcessor(ArtifactReader reader, HashTrace trace) {
        this.reader = reader;
        this.trace = trace;
    }

    /** Hashes local files, with no other check. */
    public HashProcessor(FileDigester digester, HashTrace trace) {
        this(new LocalArtifactReader(digester, false), trace);
    }

    @Override
    public HashOutcome process(PendingArtifact artifact) {
        trace.hashing(artifact.path());
        try {
            ArtifactReader.Read read = reader.read(artifact);
            ReadResult result = read.result();
            return HashOutcome.hashed(artifact, result.sha256(), read.stamp())
                    .with(new HashOutcome.Checks(result.integrity(), result.signature(), result.doubt()), read.served());
        } catch (NoSuchFileException e) {
            return HashOutcome.failed(artifact, "vanished before it could be read");
        } catch (AccessDeniedException e) {
            return HashOutcome.failed(artifact, "cannot read: permission denied");
        } catch (FileSystemException e) {
            return HashOutcome.failed(artifact, "cannot read: " + (e.getReason() != null ? e.getReason() : e.getMessage()));
        } catch (IOException e) {
            return HashOutcome.failed(artifact, e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }
}
