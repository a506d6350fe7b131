package dev.sumlog.catalog;

/** An artifact row waiting to be hashed, as the hash step reads it. */
public record PendingArtifact(long id, String path, long size, long mtime) {
}
