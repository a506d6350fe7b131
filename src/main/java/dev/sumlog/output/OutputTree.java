package dev.sumlog.output;

import dev.sumlog.catalog.OutputRepository.OutputFile;
import dev.sumlog.support.Sha256;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The output tree ({@code --out}) and the one rule for writing into it: sumlog replaces a file only
 * when it is its own. A file is its own when the output registry holds the digest of its current
 * bytes (sumlog wrote exactly these), or when it already holds the bytes about to be written (a
 * write renamed into place by a chunk that died before it committed). Anything else, an upstream
 * {@code SHA256SUMS} in a tree written into, or one of sumlog's files that someone edited, is a
 * clash: it is left as it is and the caller skips that output with {@link OutputClashException}.
 */
public final class OutputTree {

    private final Path root;

    public OutputTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The registry key of this tree. */
    public String key() {
        return root.toString();
    }

    public Path root() {
        return root;
    }

    /**
     * Writes {@code content} at {@code relativePath} unless a file sumlog does not own stands there.
     *
     * @param ownedSha256 the registered digest of what sumlog last wrote there, or null
     * @return the registry row for the file now there
     * @throws OutputClashException  when another file stands there (nothing is written)
     * @throws FileSystemException   for the path's own problems (name too long, read-only, disk full)
     */
    public OutputFile publish(String relativePath, byte[] content, String ownedSha256) throws IOException {
        Path target = resolve(relativePath);
        String sha256 = Sha256.hex(content);
        String existing = existingSha256(target);
        if (sha256.equals(existing)) {
            return new OutputFile(relativePath, sha256);
        }
        if (existing != null && !existing.equals(ownedSha256)) {
            throw new OutputClashException(relativePath, target);
        }
        PublishedFiles.write(target, content);
        return new OutputFile(relativePath, sha256);
    }

    /**
     * Checks, without writing, that {@code relativePath} could be published later: its name is
     * acceptable to the file system and no file sumlog does not own stands there.
     */
    public void checkPublishable(String relativePath, String ownedSha256) throws IOException {
        Path target = resolve(relativePath);
        String existing = existingSha256(target);
        if (existing != null && !existing.equals(ownedSha256)) {
            throw new OutputClashException(relativePath, target);
        }
    }

    /**
     * The digest of the file at {@code target}, or null when there is none. One stat: it also fails
     * with ENAMETOOLONG for a name the file system cannot hold. Never follows a link.
     */
    private static String existingSha256(Path target) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return null;
        }
        return attributes.isRegularFile() ? Sha256.hex(Files.readAllBytes(target)) : "not a regular file";
    }

    private Path resolve(String relativePath) throws IOException {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("output path escapes the output root: " + relativePath);
        }
        return target;
    }
}
