package dev.sumlog.source;

import dev.sumlog.support.FileStamp;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks a local archive tree depth-first with the children of each directory sorted by name, so the
 * order is the lexicographic order of path components ({@link TreeOrder}) and a walk can resume
 * strictly after any path already taken in.
 *
 * <p>Invariants: links are never followed out of the root; directory links are never followed at
 * all (their targets inside the root are walked directly, so nothing is counted twice and no loop
 * can form); FIFOs, sockets and devices are reported and never opened. Memory holds one sorted
 * listing per directory level, never the whole tree.
 */
public final class LocalTreeWalker implements Iterator<CrawledFile> {

    private final Path root;
    private final PathFilter filter;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final String resumeAfter;
    private CrawledFile next;

    private record Frame(String relativeDir, List<String> names, int[] position) {}

    /**
     * @param resumeAfter a relative path already taken in by an earlier run; the walk yields only
     *                    entries after it in {@link TreeOrder}. Null starts from the beginning.
     */
    public LocalTreeWalker(Path root, PathFilter filter, String resumeAfter) throws IOException {
        this.root = root.toRealPath();
        this.filter = filter;
        this.resumeAfter = resumeAfter;
        push("");
        advance();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public CrawledFile next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        CrawledFile current = next;
        advance();
        return current;
    }

    private void advance() {
        next = null;
        while (next == null && !stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.position[0] >= frame.names.size()) {
                stack.pop();
                continue;
            }
            String name = frame.names.get(frame.position[0]++);
            String relative = frame.relativeDir.isEmpty() ? name : frame.relativeDir + "/" + name;
            next = visit(relative);
        }
    }

    /** Returns the entry to yield for a path, or null when it yields nothing itself. */
    private CrawledFile visit(String relative) {
        boolean pastCursor = resumeAfter == null || TreeOrder.compare(relative, resumeAfter) > 0;
        Path path = root.resolve(relative);
        FileStamp.Typed attrs;
        try {
            attrs = FileStamp.read(path, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return pastCursor ? CrawledFile.skipped(relative, "vanished while listed, or a name that is not valid UTF-8") : null;
        } catch (IOException e) {
            return pastCursor ? CrawledFile.skipped(relative, "cannot read attributes: " + describe(e)) : null;
        }
        if (attrs.isDirectory()) {
            boolean holdsCursor = resumeAfter != null && TreeOrder.isAncestor(relative, resumeAfter);
            if ((pastCursor || holdsCursor) && filter.mayEnter(relative)) {
                return push(relative);
            }
            return null;
        }
        if (!pastCursor || !filter.accepts(relative)) {
            return null;
        }
        if (attrs.isRegularFile()) {
            return CrawledFile.regular(relative, attrs.stamp());
        }
        if (attrs.isSymbolicLink()) {
            return visitLink(relative, path);
        }
        return CrawledFile.skipped(relative, SpecialFiles.describe(path));
    }

    private CrawledFile visitLink(String relative, Path link) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (NoSuchFileException e) {
            return CrawledFile.skipped(relative, "dangling symlink");
        } catch (FileSystemException e) {
            return CrawledFile.skipped(relative, "symlink loop or unresolvable link: " + describe(e));
        } catch (IOException e) {
            return CrawledFile.skipped(relative, "cannot resolve symlink: " + describe(e));
        }
        if (!target.startsWith(root)) {
            return CrawledFile.skipped(relative, "symlink points outside the archive root");
        }
        try {
            FileStamp.Typed attrs = FileStamp.read(target);
            if (attrs.isDirectory()) {
                return CrawledFile.notice(relative, "symlink to a directory not followed; its target "
                        + root.relativize(target) + " is crawled directly");
            }
            if (attrs.isRegularFile()) {
                return CrawledFile.regular(relative, attrs.stamp());
            }
            return CrawledFile.skipped(relative, "symlink to " + SpecialFiles.describe(target));
        } catch (IOException e) {
            return CrawledFile.skipped(relative, "cannot read symlink target: " + describe(e));
        }
    }

    /** Lists a directory onto the stack; returns a problem entry when it cannot be listed. */
    private CrawledFile push(String relativeDir) {
        List<String> names = new ArrayList<>();
        Path dir = relativeDir.isEmpty() ? root : root.resolve(relativeDir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (AccessDeniedException e) {
            return CrawledFile.skipped(relativeDir, "cannot list directory: permission denied");
        } catch (IOException e) {
            return CrawledFile.skipped(relativeDir, "cannot list directory: " + describe(e));
        }
        names.sort(String::compareTo);
        stack.push(new Frame(relativeDir, names, new int[] {0}));
        return null;
    }

    static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
