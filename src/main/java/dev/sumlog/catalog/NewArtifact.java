package dev.sumlog.catalog;

import dev.sumlog.release.ArtifactKind;
import dev.sumlog.release.ReleaseKey;
import dev.sumlog.support.FileStamp;

/**
 * A crawled file, classified, as the crawl step hands it to the catalog.
 *
 * @param release the release it belongs to, or null (mutable and, in the flat layout, unclassified files)
 * @param note    why a file is unclassified, or null
 */
public record NewArtifact(String path, String directory, String fileName, FileStamp stamp, ArtifactKind kind,
                          ReleaseKey release, String note) {
}
