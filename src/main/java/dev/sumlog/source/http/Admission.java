package dev.sumlog.source.http;

import java.net.URI;
import java.util.Optional;

/**
 * {@link RootScope}'s answer for one link: the canonical URL and path under the root, or why not.
 *
 * @param url          canonical URL when admitted, else null
 * @param relativePath decoded path below the root, '/'-separated, no leading or trailing '/', never
 *                     empty and without '.' or '..' segments when admitted; else null
 * @param directory    whether the URL names a directory (ends with '/')
 * @param rejection    why the link is not followed, null when admitted
 */
public record Admission(URI url, String relativePath, boolean directory, Skipped rejection) {

    static Admission admitted(URI url, String relativePath, boolean directory) {
        return new Admission(url, relativePath, directory, null);
    }

    static Admission rejected(Skipped rejection) {
        return new Admission(null, null, false, rejection);
    }

    public boolean isAdmitted() {
        return rejection == null;
    }

    public Optional<URI> target() {
        return Optional.ofNullable(url);
    }

    /** The reason for a rejection, empty when admitted. */
    public String reason() {
        return rejection == null ? "" : rejection.reason();
    }
}
