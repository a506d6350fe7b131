package dev.sumlog.digest.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;

/**
 * The one read of a file: fills the caller's buffer from the channel, feeds every byte read to the
 * digest as it arrives, and serves the same bytes to Commons Compress as an {@link InputStream}.
 *
 * <p>The digest is fed when bytes are read from the channel, not when the archive reader consumes
 * them: so whatever the reader does (stops on a bomb, fails on corruption, buffers ahead), the bytes
 * it never consumes are digested all the same, and {@link #drain()} completes the digest by reading
 * the rest of the file without keeping it. Each byte is read from the file exactly once.
 *
 * <p>A failure of the channel itself (a disk or network error) is remembered: Commons Compress may
 * wrap or replace the exception, and a read error must never be reported as a corrupt archive.
 *
 * <p>Optionally keeps the last {@code tailBytes} of the file, for the zip end-record check.
 */
final class DigestingSource extends InputStream {

    private final ReadableByteChannel channel;
    private final MessageDigest digest;
    private final ByteBuffer buffer;
    private final byte[] tail;
    private int tailLength;
    private long bytesRead;
    private boolean endOfFile;
    private IOException readFailure;

    /** @param buffer the caller's reusable buffer; its content is replaced */
    DigestingSource(ReadableByteChannel channel, MessageDigest digest, ByteBuffer buffer, int tailBytes) {
        this.channel = channel;
        this.digest = digest;
        this.buffer = buffer;
        this.tail = new byte[tailBytes];
        buffer.clear().flip(); // empty, ready to be read from
    }

    @Override
    public int read() throws IOException {
        if (!buffer.hasRemaining() && !fill()) {
            return -1;
        }
        return buffer.get() & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!buffer.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(into, offset, n);
        return n;
    }

    @Override
    public int available() {
        return buffer.remaining();
    }

    /** Nothing to release: the channel belongs to the caller. */
    @Override
    public void close() {
    }

    /**
     * The bytes not yet consumed, as the read buffer itself, for a reader that consumes by advancing
     * its position (an {@link java.util.zip.Inflater} given it as input); refilled first when empty.
     * Null at the end of the file.
     */
    ByteBuffer unconsumed() throws IOException {
        if (!buffer.hasRemaining() && !fill()) {
            return null;
        }
        return buffer;
    }

    /** Reads and digests the rest of the file, skipping what the archive reader left unread. */
    void drain() throws IOException {
        buffer.position(buffer.limit());
        while (fill()) {
            buffer.position(buffer.limit());
        }
    }

    /** Bytes read from the file so far, all of them digested. */
    long bytesRead() {
        return bytesRead;
    }

    /** Bytes the archive reader has taken (read from the file minus what still waits in the buffer). */
    long bytesConsumed() {
        return bytesRead - buffer.remaining();
    }

    /** True when the reader asked for more bytes than the file has: the mark of a truncated archive. */
    boolean exhausted() {
        return endOfFile && !buffer.hasRemaining();
    }

    /** The channel's own failure, if a read failed. */
    IOException readFailure() {
        return readFailure;
    }

    /** The last bytes of the file (up to the tail size given), valid once the file has been drained. */
    byte[] tail() {
        return java.util.Arrays.copyOf(tail, tailLength);
    }

    private boolean fill() throws IOException {
        if (endOfFile) {
            return false;
        }
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            readFailure = e;
            throw e;
        }
        if (n < 0) {
            endOfFile = true;
            buffer.flip();
            return false;
        }
        buffer.flip();
        bytesRead += n;
        keepTail();
        digest.update(buffer);
        buffer.flip(); // update() consumed the buffer; the same bytes are now served to the reader
        return n > 0 || fill();
    }

    private void keepTail() {
        if (tail.length == 0) {
            return;
        }
        int n = buffer.remaining();
        if (n >= tail.length) {
            buffer.get(buffer.limit() - tail.length, tail, 0, tail.length);
            tailLength = tail.length;
        } else {
            int keep = Math.min(tailLength, tail.length - n);
            System.arraycopy(tail, tailLength - keep, tail, 0, keep);
            buffer.get(buffer.position(), tail, keep, n);
            tailLength = keep + n;
        }
    }
}
