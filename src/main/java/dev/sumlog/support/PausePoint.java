package dev.sumlog.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for crash tests: parks the process at a named point in the middle of a batched
 * write, so a test can SIGKILL it exactly there (a timer cannot aim at a window of microseconds).
 *
 * <p>Off unless {@code -Dsumlog.pause-at=NAME:N} is given: then the N-th time {@link #reached} is
 * called with NAME, the file named by {@code -Dsumlog.pause-file} is created and the calling thread
 * sleeps until the process is killed. When off, a call costs one field read.
 */
public final class PausePoint {

    private static final String NAME;
    private static final int AT;
    private static final AtomicInteger COUNT = new AtomicInteger();

    static {
        String spec = System.getProperty("sumlog.pause-at");
        int colon = spec == null ? -1 : spec.lastIndexOf(':');
        NAME = colon < 0 ? null : spec.substring(0, colon);
        AT = colon < 0 ? 0 : Integer.parseInt(spec.substring(colon + 1));
    }

    private PausePoint() {
    }

    /** Counts one pass of {@code name}; parks the thread forever on the configured pass. */
    public static void reached(String name) {
        if (NAME == null || !NAME.equals(name) || COUNT.incrementAndGet() != AT) {
            return;
        }
        try {
            Files.writeString(Path.of(System.getProperty("sumlog.pause-file")), name + ":" + AT + "\n");
            while (true) {
                Thread.sleep(60_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
