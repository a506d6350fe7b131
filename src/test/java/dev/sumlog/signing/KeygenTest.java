package dev.sumlog.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.cli.SumlogCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sumlog keygen}, run in-process, checked with the real openssl. */
class KeygenTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void writesAKeyPairOpensslAcceptsWithTheRightModesAndPrintsOnlyPublicFacts() throws Exception {
        Openssl openssl = Openssl.in(dir);
        Path out = dir.resolve("keys/nested");

        Run run = keygen(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path privateKey = out.resolve("release.key");
        Path publicKey = out.resolve("release.pub");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp files left").containsExactlyInAnyOrder("release.key", "release.pub");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(publicKey))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----\n");

        openssl.ok("pkey", "-in", "keys/nested/release.key", "-noout", "-check");
        openssl.ok("pkey", "-in", "keys/nested/release.key", "-pubout", "-out", "derived.pub");
        assertThat(Files.readString(dir.resolve("derived.pub"))).isEqualTo(Files.readString(publicKey));
        assertThat(openssl.ok("pkey", "-in", "keys/nested/release.key", "-noout", "-text")).contains("NIST CURVE: P-256");

        SigningKey key = SigningKey.load(privateKey, Map.of());
        assertThat(run.out()).contains("public key " + publicKey, "hint " + key.hint());
        String privateBody = Files.readString(privateKey).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(run.out() + run.err()).doesNotContain(privateBody);

        Files.write(dir.resolve("SHA256SUMS"), "abc  x.tar.gz\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("SHA256SUMS.sig"), key.sign(Files.readAllBytes(dir.resolve("SHA256SUMS"))));
        assertThat(openssl.ok("dgst", "-sha256", "-verify", "keys/nested/release.pub", "-signature", "SHA256SUMS.sig", "SHA256SUMS"))
                .contains("Verified OK");
    }

    @Test
    void aSecondKeygenIntoTheSameDirectoryExits2AndChangesNothing() throws Exception {
        assertThat(keygen(dir).exitCode()).isZero();
        byte[] privateBefore = Files.readAllBytes(dir.resolve("release.key"));
        byte[] publicBefore = Files.readAllBytes(dir.resolve("release.pub"));

        Run again = keygen(dir);

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().strip()).doesNotContain("\n")
                .isEqualTo("sumlog: " + dir.resolve("release.key") + " already exists; keygen never replaces a key (move it away first)");
        assertThat(Files.readAllBytes(dir.resolve("release.key"))).isEqualTo(privateBefore);
        assertThat(Files.readAllBytes(dir.resolve("release.pub"))).isEqualTo(publicBefore);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void anExistingPublicKeyAloneIsAlsoRefusedAndNoPrivateKeyIsWritten() throws Exception {
        Files.writeString(dir.resolve("release.pub"), "someone else's key\n");

        Run run = keygen(dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("release.pub") + " already exists");
        assertThat(dir.resolve("release.key")).doesNotExist();
        assertThat(Files.readString(dir.resolve("release.pub"))).isEqualTo("someone else's key\n");
    }

    @Test
    void anOutThatIsAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        Run run = keygen(file);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + " is not a directory");
        Run below = keygen(file.resolve("sub"));
        assertThat(below.exitCode()).isEqualTo(2);
        assertThat(below.err()).contains("cannot create the directory " + file.resolve("sub"));
    }

    private static synchronized Run keygen(Path out) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (PrintStream capturedOut = new PrintStream(stdout, true, StandardCharsets.UTF_8);
             PrintStream capturedErr = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            int exitCode = SumlogCommand.run("keygen", "--out", out.toString());
            return new Run(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
