package dev.sumlog.signature;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real {@code gpg} with its own home directory, run as a child process; tests skip without it. Key
 * generation and signing run unattended: an empty passphrase through loopback pinentry.
 */
public final class Gpg {

    public record Result(int exitCode, String output) {

        /** gpg's machine-readable status lines ({@code --status-fd}), without the "[GNUPG:] " prefix. */
        public List<String> status() {
            return output.lines().filter(line -> line.startsWith("[GNUPG:] "))
                    .map(line -> line.substring("[GNUPG:] ".length())).toList();
        }

        public boolean hasStatus(String keyword) {
            return status().stream().anyMatch(line -> line.equals(keyword) || line.startsWith(keyword + " "));
        }

        /** The fields after {@code keyword} on its first status line. */
        public List<String> statusFields(String keyword) {
            return status().stream().filter(line -> line.startsWith(keyword + " ")).findFirst()
                    .map(line -> List.of(line.substring(keyword.length() + 1).split(" ")))
                    .orElseThrow(() -> new AssertionError("no " + keyword + " status in:\n" + output));
        }
    }

    private static final Optional<Path> BINARY = find("gpg");

    private final Path home;

    private Gpg(Path home) {
        this.home = home;
    }

    public static boolean present() {
        return BINARY.isPresent();
    }

    /** A gpg with a fresh home in {@code home}, or the test is skipped with the reason printed. */
    public static Gpg home(Path home) throws IOException {
        if (BINARY.isEmpty()) {
            System.out.println("SKIPPED: gpg is not on PATH");
        }
        Assumptions.assumeTrue(BINARY.isPresent(), "gpg is not on PATH");
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        return new Gpg(home);
    }

    public Path home() {
        return home;
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.orElseThrow().toString(), "--homedir", home.toString(),
                "--batch", "--no-tty", "--pinentry-mode", "loopback", "--passphrase", "", "--status-fd", "1"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", home.toString());
        builder.environment().put("TZ", "UTC");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** Runs and fails the test with gpg's output when it does not exit 0. */
    public Result ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("gpg " + String.join(" ", args) + " exited " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result;
    }

    /** Generates a key and returns its primary fingerprint. */
    public String generate(String userId, String algorithm, String usage, String expire, String... timeOptions)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(timeOptions));
        args.addAll(List.of("--quick-gen-key", userId, algorithm, usage, expire));
        Result result = ok(args.toArray(String[]::new));
        return result.statusFields("KEY_CREATED").get(1);
    }

    /** Stops the gpg-agent this home started, so no process outlives the test. */
    public void stopAgent() throws IOException, InterruptedException {
        Optional<Path> gpgconf = find("gpgconf");
        if (gpgconf.isPresent()) {
            ProcessBuilder builder = new ProcessBuilder(gpgconf.get().toString(), "--kill", "gpg-agent")
                    .redirectErrorStream(true);
            builder.environment().put("GNUPGHOME", home.toString());
            Process process = builder.start();
            process.getInputStream().readAllBytes();
            process.waitFor();
        }
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
