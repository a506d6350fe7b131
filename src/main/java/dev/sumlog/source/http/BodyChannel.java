package dev.sumlog.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * One response body as the {@link HttpDownloader.BodyReader} sees it: the first bytes replayed from
 * the peek, then the {@link StreamingBody}, counted against Content-Length.
 *
 * <p>Every failure of the body (network, stall, wrong length, interrupt) is thrown as an exception made
 * here and remembered ({@link #failure()}), so the downloader can tell them from the reader's own
 * exceptions, even when the reader wraps or swallows them. Closing the channel only ends the reader's
 * use of it; the downloader still owns the stream.
 */
final class BodyChannel implements ReadableByteChannel {

    private static final int CHUNK = 64 << 10;

    private final InputStream in;
    private final String prefix;
    private final OptionalLong contentLength;
    private final Duration readTimeout;
    private byte[] peek = new byte[0];
    private int peekLength;
    private int peekPosition;
    private byte[] chunk;
    private long received;
    private boolean eof;
    private boolean readerClosed;
    private IOException failure;

    /** @param in a body whose reads time out with a {@link SocketTimeoutException} ({@link StreamingBody}) */
    BodyChannel(InputStream in, String prefix, OptionalLong contentLength, Duration readTimeout) {
        this.in = in;
        this.prefix = prefix;
        this.contentLength = contentLength;
        this.readTimeout = readTimeout;
    }

    /** Reads up to {@code max} first bytes (fewer only at the end of the body) to be replayed to the reader. */
    byte[] peek(int max) throws IOException {
        peek = new byte[max];
        while (peekLength < max) {
            int n = readStream(peek, peekLength, max - peekLength);
            if (n < 0) {
                break;
            }
            peekLength += n;
        }
        return peek;
    }

    int peekLength() {
        return peekLength;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (readerClosed) {
            throw new ClosedChannelException();
        }
        if (failure != null) {
            throw failure;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw fail(new InterruptedIOException(prefix + "interrupted"));
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (peekPosition < peekLength) {
            int n = Math.min(dst.remaining(), peekLength - peekPosition);
            dst.put(peek, peekPosition, n);
            peekPosition += n;
            return n;
        }
        int n = readStream(chunk(), 0, Math.min(dst.remaining(), CHUNK));
        if (n > 0) {
            dst.put(chunk, 0, n);
        }
        return n;
    }

    /** Reads and counts the rest of the body, as the reader left it, up to the end. */
    void drain() throws IOException {
        if (failure != null) {
            throw failure;
        }
        while (readStream(chunk(), 0, CHUNK) >= 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw fail(new InterruptedIOException(prefix + "interrupted"));
            }
        }
    }

    /** Body bytes received so far, peeked and drained bytes included. */
    long received() {
        return received;
    }

    /** The failure of the body this channel threw, or null when it has not failed. */
    IOException failure() {
        return failure;
    }

    @Override
    public boolean isOpen() {
        return !readerClosed;
    }

    @Override
    public void close() {
        readerClosed = true;
    }

    private int readStream(byte[] buffer, int offset, int length) throws IOException {
        if (eof) {
            return -1;
        }
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            throw fail(new DownloadException(prefix + "body stalled after " + received + " bytes: no data for "
                    + DownloadMessages.duration(readTimeout) + ", abandoned (read timeout)", true, e));
        } catch (InterruptedIOException e) {
            throw fail((IOException) new InterruptedIOException(prefix + "interrupted").initCause(e));
        } catch (IOException e) {
            throw fail(broken(e));
        }
        if (n < 0) {
            eof = true;
            if (contentLength.isPresent() && received < contentLength.getAsLong()) {
                throw fail(new DownloadException(prefix + "body ended after " + received + " of "
                        + contentLength.getAsLong() + " bytes (Content-Length)", true, null));
            }
            return -1;
        }
        received += n;
        if (contentLength.isPresent() && received > contentLength.getAsLong()) {
            throw fail(new DownloadException(prefix + "body longer than its Content-Length of "
                    + contentLength.getAsLong() + " bytes", true, null));
        }
        return n;
    }

    private byte[] chunk() {
        if (chunk == null) {
            chunk = new byte[CHUNK];
        }
        return chunk;
    }

    private IOException broken(IOException e) {
        String length = contentLength.isPresent() ? " of " + contentLength.getAsLong() + " bytes (Content-Length)" : " bytes";
        return new DownloadException(prefix + "body ended after " + received + length + ": " + DownloadMessages.describe(e), true, e);
    }

    private IOException fail(IOException e) {
        failure = e;
        return e;
    }
}
