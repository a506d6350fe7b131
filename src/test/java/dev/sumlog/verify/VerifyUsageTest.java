package dev.sumlog.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.tlog.note.NoteKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs {@code sumlog verify} cannot use: exit 2 with one line naming the file, URL or option, and no check run. */
class VerifyUsageTest {

    private static final String DIGEST = "ab".repeat(32);

    @TempDir
    Path dir;
    Path file;
    Path log;
    String vkey;

    @BeforeEach
    void downloadedFileAndKey() throws Exception {
        file = Files.writeString(dir.resolve("pkg-1.0.tar.gz"), "release bytes");
        log = Files.createDirectories(dir.resolve("log"));
        vkey = NoteKeys.generate("test.invalid/log").verifierKey();
    }

    @Test
    void missingFileIsNamed() {
        CliRun run = verify(dir.resolve("absent.tar.gz").toString(), "--log", log.toString(), "--vkey", vkey);

        assertUsageError(run, "FILE: no such file: " + dir.resolve("absent.tar.gz"));
    }

    @Test
    void badKeyTextNamesTheOption() throws Exception {
        sums("pkg-1.0.SHA256SUMS", "pkg-1.0.tar.gz");

        CliRun run = verify(file.toString(), "--log", log.toString(), "--vkey", "test.invalid/log+zz+AAAA");

        assertUsageError(run, "--vkey: verifier key: key ID 'zz' is not 8 hex digits"
                + " (expected the text after 'vkey ' in `sumlog log-key` output)");
    }

    @Test
    void noSumsFileListingTheNameAsksForSums() throws Exception {
        sums("pkg-1.0.SHA256SUMS", "pkg-1.1.tar.gz");
        Files.writeString(dir.resolve("broken.SHA256SUMS"), "not a sums file\n");

        CliRun run = verify(file.toString(), "--log", log.toString(), "--vkey", vkey);

        assertUsageError(run, "no *.SHA256SUMS or SHA256SUMS file in " + dir + " lists 'pkg-1.0.tar.gz'"
                + " (not readable as sums files: broken.SHA256SUMS); pass --sums FILE");
    }

    @Test
    void twoSumsFilesListingTheNameAreAmbiguous() throws Exception {
        sums("pkg-1.0.SHA256SUMS", "pkg-1.0.tar.gz");
        sums("SHA256SUMS", "pkg-1.0.tar.gz");

        CliRun run = verify(file.toString(), "--log", log.toString(), "--vkey", vkey);

        assertUsageError(run, "'pkg-1.0.tar.gz' is listed in 2 sums files in " + dir
                + " (SHA256SUMS, pkg-1.0.SHA256SUMS); pass --sums FILE");
    }

    @Test
    void missingDefaultReceiptAsksForReceipt() throws Exception {
        Path sums = sums("pkg-1.0.SHA256SUMS", "pkg-1.0.tar.gz");

        CliRun run = verify(file.toString(), "--log", log.toString(), "--vkey", vkey);

        assertUsageError(run, "no receipt " + sums + ".tlog-proof beside the sums file; pass --receipt FILE");
    }

    @Test
    void missingLogDirectoryIsNamedNotSkipped() throws Exception {
        Path sums = sums("pkg-1.0.SHA256SUMS", "pkg-1.0.tar.gz");
        Files.writeString(dir.resolve(sums.getFileName() + ".tlog-proof"), "c2sp.org/tlog-proof@v1\n");

        CliRun run = verify(file.toString(), "--log", dir.resolve("no-log").toString(), "--vkey", vkey);

        assertUsageError(run, "--log: no log directory at " + dir.resolve("no-log"));
    }

    @Test
    void missingVkeyOptionIsAUsageError() {
        CliRun run = verify(file.toString(), "--log", log.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--vkey");
    }

    private Path sums(String name, String listedName) throws Exception {
        return Files.writeString(dir.resolve(name), DIGEST + "  " + listedName + "\n");
    }

    private static CliRun verify(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.out()).as(run.all()).isEmpty();
        assertThat(run.err()).as(run.all()).isEqualTo("sumlog: " + message + "\n");
    }
}
