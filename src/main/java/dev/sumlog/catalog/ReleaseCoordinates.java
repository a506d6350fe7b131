package dev.sumlog.catalog;

/** The key of a release in the catalog: directory, normalized project and version. */
public record ReleaseCoordinates(String directory, String project, String version) {

    static ReleaseCoordinates of(NewArtifact file) {
        return new ReleaseCoordinates(file.directory(), file.project(), file.version());
    }
}
