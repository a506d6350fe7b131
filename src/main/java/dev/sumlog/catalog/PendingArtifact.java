package dev.sumlog.catalog;

import dev.sumlog.support.FileStamp;

/** An artifact row waiting to be hashed, as the hash step reads it, with the stamp the crawl saw. */
public record PendingArtifact(long id, String path, FileStamp stamp) {
}
