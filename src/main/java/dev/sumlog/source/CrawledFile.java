package dev.sumlog.source;

import dev.sumlog.support.FileStamp;

/**
 * One entry the crawl found under the archive root.
 *
 * @param path    relative to the root, '/'-separated, never starting with '/' or containing '..'
 * @param stamp   size, mtime, ctime and inode as seen when listed (null for a problem entry)
 * @param problem null for a regular file to catalog; otherwise what to report about the entry
 * @param skipped whether the entry was left out (a symlink loop, a FIFO, an unreadable directory):
 *                such entries make the run exit 4; a mere notice (a symlinked directory whose target
 *                is crawled anyway) does not
 * @param unlisted for a skipped directory whose content could not be listed (an HTTP listing that
 *                failed): its path, "" for the root; the catalog keeps what it knew under it rather
 *                than marking it gone. Null otherwise.
 */
public record CrawledFile(String path, FileStamp stamp, String problem, boolean skipped, String unlisted) {

    public static CrawledFile regular(String path, FileStamp stamp) {
        return new CrawledFile(path, stamp, null, false, null);
    }

    public static CrawledFile skipped(String path, String problem) {
        return new CrawledFile(path, null, problem, true, null);
    }

    public static CrawledFile notice(String path, String problem) {
        return new CrawledFile(path, null, problem, false, null);
    }

    /** A directory that could not be listed: skipped, and what the catalog knew under it is kept. */
    public static CrawledFile unlisted(String directory, String label, String problem) {
        return new CrawledFile(label, null, problem, true, directory);
    }

    public boolean isRegular() {
        return problem == null;
    }

    /** The directory part of {@link #path()}, '' for a file at the root. */
    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
