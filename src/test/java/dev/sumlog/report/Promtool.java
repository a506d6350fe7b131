package dev.sumlog.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own linter, {@code promtool check metrics} (the Debian package {@code prometheus}
 * ships it; {@code .ci/run} installs it). Where it is missing the calling test is skipped, saying why.
 */
final class Promtool {

    private Promtool() {
    }

    record Result(int exitCode, String output) {
    }

    /** Runs {@code promtool check metrics} on the file's text. */
    static Result checkMetrics(Path file) throws IOException, InterruptedException {
        String promtool = find();
        Process process = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true)
                .redirectInput(file.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool check metrics did not finish in 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    private static String find() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String reason = "promtool is not installed (Debian: apt-get install prometheus; .ci/run does it)";
        System.out.println("skipped: " + reason);
        assumeTrue(false, reason);
        return null;
    }
}
