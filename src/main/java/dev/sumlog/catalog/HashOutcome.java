package dev.sumlog.catalog;

import dev.sumlog.support.FileStamp;

/**
 * The result of reading one artifact: either its digest with the stamp of the bytes that were
 * actually read, or the reason it could not be read (with the stamp the crawl saw).
 */
public record HashOutcome(long id, String path, String sha256, FileStamp stamp, String failure) {

    public static HashOutcome hashed(PendingArtifact a, String sha256, FileStamp stamp) {
        return new HashOutcome(a.id(), a.path(), sha256, stamp, null);
    }

    public static HashOutcome failed(PendingArtifact a, String reason) {
        return new HashOutcome(a.id(), a.path(), null, a.stamp(), reason);
    }

    public boolean isFailed() {
        return failure != null;
    }

    public ArtifactState state() {
        return isFailed() ? ArtifactState.FAILED : ArtifactState.HASHED;
    }
}
