package dev.sumlog.catalog;

/**
 * A crawled file, classified, as the crawl step hands it to the catalog.
 *
 * @param project release key part (normalized project name), null when not in a release
 * @param version release key part (normalized version), null when not in a release
 * @param note    why a file is unclassified, or null
 */
public record NewArtifact(String path, String directory, String fileName, long size, long mtime,
                          ArtifactKind kind, String project, String version, String note) {
}
