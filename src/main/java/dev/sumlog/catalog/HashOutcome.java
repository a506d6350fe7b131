package dev.sumlog.catalog;

/**
 * The result of reading one artifact: either its digest with the size and mtime that were actually
 * read, or the reason it could not be read.
 */
public record HashOutcome(long id, String path, String sha256, long size, long mtime, String failure) {

    public static HashOutcome hashed(PendingArtifact a, String sha256, long size, long mtime) {
        return new HashOutcome(a.id(), a.path(), sha256, size, mtime, null);
    }

    public static HashOutcome failed(PendingArtifact a, String reason) {
        return new HashOutcome(a.id(), a.path(), null, a.size(), a.mtime(), reason);
    }

    public boolean isFailed() {
        return failure != null;
    }
}
