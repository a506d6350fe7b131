package dev.sumlog.audit;

import dev.sumlog.cli.SumlogCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One in-process {@code sumlog} command line with its output captured (the audit tests run backfills
 * and audits in this JVM: a context start costs about a second, a child JVM several). System.out and
 * System.err are global, so runs are serialized and the originals are always restored.
 */
record AuditCli(int exitCode, String out, String err) {

    private static final Object LOCK = new Object();

    static AuditCli run(String... args) {
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
                AuditCli run = new AuditCli(exitCode, out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8));
                if (Boolean.getBoolean("audit.echo")) {
                    // -Daudit.echo=true: see what each command printed while writing a test
                    originalOut.println("sumlog " + String.join(" ", args) + "\n" + run.all());
                }
                return run;
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }

    /** Lines of stdout that start with {@code prefix}. */
    List<String> lines(String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    /** Both streams, for assertion messages. */
    String all() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
