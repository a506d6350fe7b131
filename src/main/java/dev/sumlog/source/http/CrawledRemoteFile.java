package dev.sumlog.source.http;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One item of an HTTP crawl: a file to catalog, or something left out with why.
 *
 * @param path     for a file: the decoded path below the root, '/'-separated, no '.' or '..'
 *                 segments (same shape as {@code CrawledFile.path()}); for a problem: what was left
 *                 out (a relative path, an href or a URL), on one line
 * @param url      the file's canonical URL; for a problem, the listing page it was found on
 * @param size     exact size from the listing, when it gives one (see {@link Entry#size()})
 * @param modified listing time stamp, when it gives one
 * @param problem  null for a file; otherwise one line saying why the item was left out
 * @param unlisted for a directory whose listing was not read (an error, a cap): its path below the
 *                 root, without the trailing '/' ("" for the root). What it holds is unknown, not gone.
 */
public record CrawledRemoteFile(String path, URI url, OptionalLong size, Optional<Instant> modified, String problem,
                                String unlisted) {

    static CrawledRemoteFile file(String path, URI url, OptionalLong size, Optional<Instant> modified) {
        return new CrawledRemoteFile(path, url, size, modified, null, null);
    }

    static CrawledRemoteFile skipped(String what, URI page, String reason) {
        return new CrawledRemoteFile(OneLine.of(what), page, OptionalLong.empty(), Optional.empty(), OneLine.of(reason),
                null);
    }

    /** A directory whose listing was not read; {@code label} is how messages name it. */
    static CrawledRemoteFile unlisted(String directory, String label, URI url, String reason) {
        return new CrawledRemoteFile(OneLine.of(label), url, OptionalLong.empty(), Optional.empty(), OneLine.of(reason),
                directory);
    }

    public boolean isRegular() {
        return problem == null;
    }

    @Override
    public String toString() {
        return problem == null ? path : path + ": " + problem;
    }
}
