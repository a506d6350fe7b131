package dev.sumlog.catalog;

import dev.sumlog.support.FileStamp;
import java.util.List;

/**
 * An artifact row waiting to be hashed, as the hash step reads it, with the stamp the crawl saw.
 *
 * @param subject    whether it is a release's subject (a tarball, a wheel), whose signature is checked
 * @param signatures the catalogued {@code .asc} / {@code .sig} files beside it (paths, preferred
 *                   first), filled in only when the job checks signatures
 */
public record PendingArtifact(long id, String path, FileStamp stamp, boolean subject, List<String> signatures) {

    public PendingArtifact {
        signatures = List.copyOf(signatures);
    }

    public PendingArtifact(long id, String path, FileStamp stamp) {
        this(id, path, stamp, false, List.of());
    }

    public PendingArtifact withSignatures(List<String> found) {
        return new PendingArtifact(id, path, stamp, subject, found);
    }

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
