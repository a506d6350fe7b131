package dev.sumlog.testing;

import dev.sumlog.cli.SumlogCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One {@code sumlog} command line run in the test's JVM with its output captured: everything but the
 * JVM start, for commands whose tests need no signal. System.out and System.err are global, so runs
 * are serialized and the originals are always restored.
 */
public record InProcessCli(int exitCode, String out, String err) {

    private static final Object LOCK = new Object();

    public static InProcessCli run(String... args) {
        synchronized (LOCK) {
            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                System.setOut(capturedOut);
                System.setErr(capturedErr);
                int exitCode = SumlogCommand.run(args);
                return new InProcessCli(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }

    /** Lines of stdout that start with {@code prefix}. */
    public java.util.List<String> lines(String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    /** Exit code and both streams, for assertion messages. */
    public String all() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
