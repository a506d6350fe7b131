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
 * reads and writes stay on the step thread), so it holds no state besides the thread-safe digester
 * and the trace.
 * An unreadable file is not an error of the step: it becomes a FAILED outcome with its reason.
 */
public class HashProcessor implements ItemProcessor<PendingArtifact, HashOutcome> {

    private final FileDigester digester;
    private final HashTrace trace;

    public HashProcessor(FileDigester digester, HashTrace trace) {
        this.digester = digester;
        this.trace = trace;
    }

    @Override
    public HashOutcome process(PendingArtifact artifact) {
        trace.hashing(artifact.path());
        try {
            FileDigester.Digest d = digester.digest(artifact.path());
            return HashOutcome.hashed(artifact, d.sha256(), d.stamp());
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
