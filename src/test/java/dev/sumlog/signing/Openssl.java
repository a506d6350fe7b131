package dev.sumlog.signing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The real {@code openssl} command, run as a child process in a working directory; tests skip without it. */
final class Openssl {

    record Result(int exitCode, String output) {
    }

    private static final Optional<Path> BINARY = find();

    private final Path dir;

    private Openssl(Path dir) {
        this.dir = dir;
    }

    /** An openssl runner in {@code dir}, or the test is skipped with the reason printed. */
    static Openssl in(Path dir) {
        if (BINARY.isEmpty()) {
            System.out.println("SKIPPED: openssl is not on PATH");
        }
        Assumptions.assumeTrue(BINARY.isPresent(), "openssl is not on PATH");
        return new Openssl(dir);
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(BINARY.orElseThrow().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** Runs and fails the test with openssl's output when it does not exit 0. */
    String ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "openssl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
