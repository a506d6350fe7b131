package dev.sumlog.sums;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.output.PublishedFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the format against the real GNU {@code sha256sum -c --strict}, on names that need escaping.
 * Skipped, with the reason printed, where {@code sha256sum} is missing or the platform cannot create
 * such names.
 */
class Sha256sumCompatibilityTest {

    private static final List<String> NAMES = List.of(
            "plain-1.0.tar.gz", "with space-1.0.tar.gz", "caf\u00e9-1.0.tar.gz", "back\\slash-1.0.tar.gz",
            "new\nline-1.0.tar.gz", "carriage\rreturn-1.0.tar.gz", "Upper-1.0.tar.gz", "trailing space ");

    @TempDir
    Path dir;

    @Test
    void realSha256sumVerifiesOurFileAndCatchesATamperedMember() throws Exception {
        Optional<Path> sha256sum = findOnPath("sha256sum");
        Assumptions.assumeTrue(sha256sum.isPresent(), () -> skip("sha256sum is not on PATH"));
        List<SumsLine> lines = new ArrayList<>();
        for (String name : NAMES) {
            Path file;
            try {
                file = dir.resolve(name);
            } catch (java.nio.file.InvalidPathException e) {
                Assumptions.abort(skip("platform cannot name a file '" + name + "': " + e.getMessage()));
                return;
            }
            byte[] content = (name + " content").getBytes(StandardCharsets.UTF_8);
            Files.write(file, content);
            lines.add(new SumsLine(name, sha256(content)));
        }
        PublishedFiles.write(dir.resolve("SHA256SUMS"), SumsFormat.format(lines));

        Result ok = run(sha256sum.get().toString(), "-c", "--strict", "SHA256SUMS");
        assertThat(ok.exitCode).as("sha256sum output:%n%s", ok.output).isZero();
        // sha256sum -c prints names raw except that a name with LF or CR is shown escaped with a leading '\'.
        assertThat(ok.output.lines().filter(l -> l.endsWith(": OK"))).hasSize(NAMES.size());
        assertThat(ok.output).contains("back\\slash-1.0.tar.gz: OK", "\\new\\nline-1.0.tar.gz: OK");

        Files.writeString(dir.resolve("caf\u00e9-1.0.tar.gz"), "swapped");
        Result tampered = run(sha256sum.get().toString(), "-c", "--strict", "SHA256SUMS");
        assertThat(tampered.exitCode).as("sha256sum output:%n%s", tampered.output).isNotZero();
        assertThat(tampered.output).contains("caf\u00e9-1.0.tar.gz: FAILED");
    }

    @Test
    void ourParserReadsAndOurFormatterReproducesWhatRealSha256sumWrites() throws Exception {
        Optional<Path> sha256sum = findOnPath("sha256sum");
        Assumptions.assumeTrue(sha256sum.isPresent(), () -> skip("sha256sum is not on PATH"));
        // sha256sum prints in argument order, so hand it the names in our bytewise order.
        List<String> sortedNames = NAMES.stream()
                .sorted((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))
                .toList();
        List<String> command = new ArrayList<>(List.of(sha256sum.get().toString(), "--"));
        for (String name : sortedNames) {
            Files.writeString(dir.resolve(name), name);
            command.add(name);
        }
        Result written = run(command.toArray(String[]::new));
        assertThat(written.exitCode).isZero();

        List<SumsLine> parsed = SumsFormat.parse(written.output.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).extracting(SumsLine::name).containsExactlyElementsOf(sortedNames);
        for (SumsLine line : parsed) {
            assertThat(line.sha256()).isEqualTo(sha256(line.name().getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(new String(SumsFormat.format(parsed), StandardCharsets.UTF_8))
                .as("our bytes are exactly coreutils' bytes").isEqualTo(written.output);
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String skip(String reason) {
        System.out.println("Skipping sha256sum compatibility test: " + reason);
        return reason;
    }

    private static byte[] sha256(byte[] content) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }
}
