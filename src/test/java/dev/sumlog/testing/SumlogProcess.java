package dev.sumlog.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real sumlog process: a child JVM running {@code dev.sumlog.SumlogApplication} on the test
 * classpath, with its output in a file, so tests can kill it with real signals.
 */
public final class SumlogProcess {

    private final Process process;
    private final Path output;

    private SumlogProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@code sumlog args...}.
     *
     * @param withoutDacOverride run as root but without the capabilities that let root read any file,
     *                           so permission-denied files behave as they do for an ordinary user
     */
    public static SumlogProcess start(Path workDir, List<String> jvmOptions, boolean withoutDacOverride,
                                      String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (withoutDacOverride && isRoot()) {
            command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(), "dev.sumlog.SumlogApplication"));
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        Path output = Files.createTempFile(workDir, "sumlog-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        return new SumlogProcess(builder.start(), output);
    }

    public static Result run(Path workDir, String... args) throws Exception {
        SumlogProcess p = start(workDir, List.of(), false, args);
        return p.await(Duration.ofMinutes(5));
    }

    public Result await(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sumlog did not finish within " + timeout + "; output:\n" + output());
        }
        return new Result(process.exitValue(), output());
    }

    public void sigkill() throws InterruptedException {
        signal("KILL");
        process.waitFor();
    }

    public void sigterm() {
        signal("TERM");
    }

    private void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot send SIG" + name, e);
        }
    }

    /**
     * A backfill that takes the lock of {@code state} and then blocks until it is killed: its hash
     * trace is a FIFO nobody reads, which it opens after taking the lock. Returns once the lock is held.
     */
    public static SumlogProcess startHoldingStateLock(Path workDir, Path source, Path state) throws Exception {
        Path fifo = workDir.resolve("blocking-trace");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        SumlogProcess blocked = start(workDir, List.of("-Dsumlog.hash-trace=" + fifo), false, "backfill",
                "--source", source.toString(), "--out", workDir.resolve("out").toString(), "--state", state.toString());
        blocked.awaitStateLock(state);
        return blocked;
    }

    /** Waits until this process holds the lock of {@code state} (it writes its pid there once it does). */
    public void awaitStateLock(Path state) throws Exception {
        Path lockFile = state.resolve("sumlog.lock");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(lockFile) && Files.readString(lockFile).startsWith("pid"))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("sumlog did not take the lock of " + state + "; output:\n" + output());
            }
            Thread.sleep(50);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        // Surefire may run tests from a manifest-only jar; its property holds the real classpath.
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Exit code and everything the process printed. */
    public record Result(int exitCode, String output) {
    }
}
