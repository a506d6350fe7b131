package dev.sumlog.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an InputStream whose reads wait at most {@code readTimeout} for the next bytes
 * and answer {@link Thread#interrupt()}. The JDK's own {@code BodyHandlers.ofInputStream()} does
 * neither: its blocked read has no timeout and swallows interrupts (JDK 17), so a stalled server
 * would hold a download forever.
 *
 * <p>It subscribes to the publisher of {@code BodyHandlers.ofPublisher()}, which the client hands
 * over with the headers; a body subscriber of our own would be completed asynchronously by the
 * client, and a body failing early would then fail {@code send()} instead of the body's read.
 *
 * <p>Demand is a few buffer lists ahead of the reader, so the body streams through a bounded amount
 * of memory. A read that times out or is interrupted cancels the body (the client closes the
 * connection). Only time spent waiting in a read counts: a reader that is slow to ask for the next
 * bytes is not taken for a stalled server.
 */
final class StreamingBody extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    /** Buffer lists requested ahead of the reader: as many as the JDK's own InputStream body keeps, a few hundred KiB at most. */
    private static final int AHEAD = 16;

    private final List<ByteBuffer> end = new ArrayList<>(0); // a marker compared by identity
    private final BlockingQueue<List<ByteBuffer>> lists = new LinkedBlockingQueue<>();
    private final long timeoutNanos;
    private volatile Flow.Subscription subscription;
    private volatile Throwable failure;
    private boolean cancelled;
    private boolean finished;
    private Iterator<ByteBuffer> list;
    private ByteBuffer buffer;

    private StreamingBody(Duration readTimeout) {
        this.timeoutNanos = readTimeout.toNanos();
    }

    /** Subscribes to a response's body; the caller must close the stream (which cancels what is unread). */
    static StreamingBody of(Flow.Publisher<List<ByteBuffer>> body, Duration readTimeout) {
        StreamingBody stream = new StreamingBody(readTimeout);
        body.subscribe(stream);
        return stream;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean cancel;
        synchronized (this) {
            cancel = subscription != null || cancelled;
            if (!cancel) {
                subscription = s;
            }
        }
        if (cancel) {
            s.cancel();
        } else {
            s.request(AHEAD);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        lists.add(Objects.requireNonNull(item));
    }

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
        lists.add(end);
    }

    @Override
    public void onComplete() {
        lists.add(end);
    }

    /**
     * @throws SocketTimeoutException  no bytes came for the read timeout (the body is cancelled)
     * @throws InterruptedIOException  the thread was interrupted while waiting (its flag stays set)
     * @throws IOException             the connection failed (the client's own exception), or the body was closed
     */
    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        while (buffer == null || !buffer.hasRemaining()) {
            if (list != null && list.hasNext()) {
                buffer = list.next();
                continue;
            }
            if (finished) {
                return -1;
            }
            if (cancelled) {
                throw new IOException("body closed before its end");
            }
            List<ByteBuffer> next = take();
            if (next == end) {
                finished = true;
                if (failure instanceof IOException e) {
                    throw e;
                }
                if (failure != null) {
                    throw new IOException(DownloadMessages.describe(failure), failure);
                }
                return -1;
            }
            subscription.request(1);
            list = next.iterator();
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(bytes, offset, n);
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Cancels what has not arrived yet; further reads fail (unless the end was already seen). */
    @Override
    public void close() {
        Flow.Subscription s;
        synchronized (this) {
            if (cancelled || finished) {
                return;
            }
            cancelled = true;
            s = subscription;
        }
        if (s != null) {
            s.cancel();
        }
    }

    private List<ByteBuffer> take() throws IOException {
        List<ByteBuffer> next;
        try {
            next = lists.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while waiting for the body");
        }
        if (next == null) {
            close();
            throw new SocketTimeoutException("no data for " + DownloadMessages.duration(Duration.ofNanos(timeoutNanos)));
        }
        return next;
    }
}
