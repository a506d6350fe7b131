package dev.sumlog.source;

/**
 * One entry the crawl found under the archive root.
 *
 * @param path    relative to the root, '/'-separated, never starting with '/' or containing '..'
 * @param size    bytes, as seen when listed
 * @param mtime   last modification, epoch milliseconds
 * @param problem null for a regular file to catalog; otherwise what to report about the entry
 * @param skipped whether the entry was left out (a symlink loop, a FIFO, an unreadable directory):
 *                such entries make the run exit 4; a mere notice (a symlinked directory whose target
 *                is crawled anyway) does not
 */
public record CrawledFile(String path, long size, long mtime, String problem, boolean skipped) {

    public static CrawledFile regular(String path, long size, long mtime) {
        return new CrawledFile(path, size, mtime, null, false);
    }

    public static CrawledFile skipped(String path, String problem) {
        return new CrawledFile(path, 0, 0, problem, true);
    }

    public static CrawledFile notice(String path, String problem) {
        return new CrawledFile(path, 0, 0, problem, false);
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
