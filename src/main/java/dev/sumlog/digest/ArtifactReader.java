package dev.sumlog.digest;

import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.catalog.PendingArtifact;
import dev.sumlog.support.FileStamp;
import java.io.IOException;

/**
 * Where the hash step gets an artifact's bytes: a local tree or an HTTP server. Implementations are
 * called from the hash pool's threads at once, and read each artifact exactly once per call (a
 * retried download starts again from its first byte).
 */
public interface ArtifactReader extends AutoCloseable {

    /**
     * Reads one artifact (and its signature file, when it is checked) through the job's {@link ReadPass}.
     *
     * @throws IOException with a one-line message saying why it could not be read; the message names no
     *                     secret
     */
    Read read(PendingArtifact artifact) throws IOException;

    /** Releases connections and threads; a local reader holds none. */
    @Override
    default void close() {
    }

    /**
     * One read.
     *
     * @param stamp  the stamp stored with the digest: for a file, the one it had while it was read; for a
     *               download, the listing's (what the next crawl compares with)
     * @param served the HTTP validators, null for a local file
     */
    record Read(ReadResult result, FileStamp stamp, HashOutcome.Served served) {
    }
}
