package dev.sumlog.catalog;

import dev.sumlog.digest.archive.Integrity;
import dev.sumlog.signature.SignatureResult;
import dev.sumlog.support.FileStamp;

/**
 * The result of reading one artifact: either its digest with the stamp of the bytes that were
 * actually read, or the reason it could not be read (with the stamp the crawl saw). A hashed outcome
 * may carry what the same read found ({@code checks}) and what an HTTP server said ({@code served}).
 */
public record HashOutcome(long id, String path, String sha256, FileStamp stamp, String failure, Checks checks,
                          Served served) {

    public HashOutcome(long id, String path, String sha256, FileStamp stamp, String failure) {
        this(id, path, sha256, stamp, failure, null, null);
    }

    public static HashOutcome hashed(PendingArtifact a, String sha256, FileStamp stamp) {
        return new HashOutcome(a.id(), a.path(), sha256, stamp, null);
    }

    public static HashOutcome failed(PendingArtifact a, String reason) {
        return new HashOutcome(a.id(), a.path(), null, a.stamp(), reason);
    }

    public HashOutcome with(Checks found, Served server) {
        return new HashOutcome(id, path, sha256, stamp, failure, found, server);
    }

    public boolean isFailed() {
        return failure != null;
    }

    public ArtifactState state() {
        return isFailed() ? ArtifactState.FAILED : ArtifactState.HASHED;
    }

    /**
     * What the hashing read found besides the digest.
     *
     * @param integrity the archive's integrity ({@link Integrity#skipped()} when inspection is off)
     * @param signature the detached signature's result, null when not checked
     * @param doubt     why the artifact puts its release in doubt, null when it does not
     */
    public record Checks(Integrity integrity, SignatureResult signature, String doubt) {
    }

    /**
     * The HTTP validators sent with the bytes that were hashed (each may be absent).
     *
     * @param contentLength the declared length, -1 when none was sent
     */
    public record Served(String etag, String lastModified, long contentLength) {
    }
}
