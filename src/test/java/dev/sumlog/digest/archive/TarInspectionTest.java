package dev.sumlog.digest.archive;

import static dev.sumlog.digest.archive.ArchiveFixtures.Entry.dir;
import static dev.sumlog.digest.archive.ArchiveFixtures.Entry.file;
import static dev.sumlog.digest.archive.ArchiveFixtures.Entry.hardlink;
import static dev.sumlog.digest.archive.ArchiveFixtures.Entry.symlink;
import static dev.sumlog.digest.archive.ArchiveFixtures.append;
import static dev.sumlog.digest.archive.ArchiveFixtures.inspect;
import static dev.sumlog.digest.archive.ArchiveFixtures.randomText;
import static dev.sumlog.digest.archive.ArchiveFixtures.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.digest.archive.Finding.Kind;
import dev.sumlog.digest.archive.Integrity.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarInspectionTest {

    @TempDir
    Path dir;

    private ArchiveFixtures.Entry[] goodSdist(String top) {
        return new ArchiveFixtures.Entry[] {
            dir(top + "/"),
            file(top + "/PKG-INFO", "Metadata-Version: 1.2\nName: nova\n"),
            file(top + "/setup.py", "import setuptools\n"),
            file(top + "/nova/compute.py", randomText(300_000, 1)),
            symlink(top + "/doc/setup-link.py", "../setup.py"),
            hardlink(top + "/nova/same.py", top + "/nova/compute.py"),
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"nova-27.0.0.tar.gz", "nova-27.0.0.tgz", "nova-27.0.0.tar.bz2", "nova-27.0.0.tar.xz"})
    void aWellFormedSdistIsOk(String name) throws IOException {
        Integrity integrity = inspect(dir, tar(dir.resolve(name), goodSdist("nova-27.0.0")));

        assertThat(integrity.status()).as(integrity.summary()).isEqualTo(Status.OK);
        assertThat(integrity.entries()).isEqualTo(6);
        assertThat(integrity.unpackedBytes()).isGreaterThan(300_000);
    }

    @Test
    void anSdistMadeBySystemTarIsOk() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/python_novaclient-18.11.0/novaclient"));
        Files.write(src.resolve("v2.py"), randomText(50_000, 2));
        Files.writeString(src.getParent().resolve("PKG-INFO"), "Name: python-novaclient\n");
        Path archive = dir.resolve("python_novaclient-18.11.0.tar.gz");
        Process tar = new ProcessBuilder("tar", "czf", archive.toString(), "-C", dir.resolve("src").toString(),
                "python_novaclient-18.11.0").inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(tar.waitFor() == 0, "system tar not usable");

        Integrity integrity = inspect(dir, archive);

        assertThat(integrity.status()).as(integrity.summary()).isEqualTo(Status.OK);
    }

    @Test
    void theSdistTopDirectoryIsComparedAfterNameAndVersionNormalisation() throws IOException {
        // PEP 625 file name, legacy directory spelling and a non-normalised version: the same release
        Path archive = tar(dir.resolve("python_novaclient-18.11.0.tar.gz"),
                file("python-novaclient-18.11.00/PKG-INFO", "Name: python-novaclient\n"));

        assertThat(inspect(dir, archive).status()).isEqualTo(Status.OK);
    }

    @Test
    void aTruncatedGzipIsTruncated() throws IOException {
        Path archive = tar(dir.resolve("nova-27.0.0.tar.gz"), goodSdist("nova-27.0.0"));
        byte[] whole = Files.readAllBytes(archive);
        Files.write(archive, Arrays.copyOf(whole, whole.length / 2));

        Integrity integrity = inspect(dir, archive);

        assertThat(integrity.status()).isEqualTo(Status.FLAGGED);
        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nova-27.0.0.tar.gz", "nova-27.0.0.tar.bz2", "nova-27.0.0.tar.xz"})
    void bytesAfterTheCompressedStreamAreTrailingGarbage(String name) throws IOException {
        Path archive = append(tar(dir.resolve(name), goodSdist("nova-27.0.0")),
                "<html>appended</html>\n".getBytes());

        Integrity integrity = inspect(dir, archive);

        assertThat(integrity.findings()).as(integrity.summary()).extracting(Finding::kind)
                .containsExactly(Kind.TRAILING_GARBAGE);
    }

    @Test
    void aSecondGzipMemberIsNotGarbage() throws IOException {
        Path archive = tar(dir.resolve("nova-27.0.0.tar.gz"), goodSdist("nova-27.0.0"));
        Path empty = dir.resolve("empty.gz");
        try (var out = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(
                Files.newOutputStream(empty))) {
            out.write(new byte[512]); // zeros: more tar padding, as concatenated members may carry
        }
        append(archive, Files.readAllBytes(empty));

        assertThat(inspect(dir, archive).status()).isEqualTo(Status.OK);
    }

    @Test
    void dataAfterTheTarEndInsideTheCompressedStreamIsTrailingGarbage() throws IOException {
        Path tarFile = tar(dir.resolve("plain.tar.gz"), goodSdist("nova-27.0.0"));
        byte[] tarBytes;
        try (var in = new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(
                Files.newInputStream(tarFile))) {
            tarBytes = in.readAllBytes();
        }
        Path archive = dir.resolve("nova-27.0.0.tar.gz");
        try (var out = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(
                Files.newOutputStream(archive))) {
            out.write(tarBytes);
            out.write("hidden payload".getBytes());
        }

        Integrity integrity = inspect(dir, archive);

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.TRAILING_GARBAGE);
        assertThat(integrity.findings().get(0).detail()).startsWith("14 non-zero bytes after the end of the tar");
    }

    @Test
    void absoluteAndParentPathsAreFlaggedByEntry() throws IOException {
        Path archive = tar(dir.resolve("x-1.0.tar.gz"), file("x-1.0/ok", "ok"), file("../x", "up"),
                file("/etc/x", "root"), file("x-1.0/a/../../../y", "deep"));

        Integrity integrity = inspect(dir, archive);

        assertThat(integrity.findings()).extracting(Finding::kind, Finding::entry).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.PARENT_PATH, "../x"),
                org.assertj.core.groups.Tuple.tuple(Kind.ABSOLUTE_PATH, "/etc/x"),
                org.assertj.core.groups.Tuple.tuple(Kind.PARENT_PATH, "x-1.0/a/../../../y"));
    }

    @Test
    void linksThatLeaveTheArchiveAreFlagged() throws IOException {
        Path archive = tar(dir.resolve("x-1.0.tar.gz"), file("x-1.0/setup.py", "s"),
                symlink("x-1.0/docs/ok", "../setup.py"),
                symlink("x-1.0/evil", "../../etc/passwd"),
                symlink("x-1.0/abs", "/etc/shadow"),
                hardlink("x-1.0/hard", "../outside"));

        Integrity integrity = inspect(dir, archive);

        assertThat(integrity.findings()).extracting(Finding::kind).containsOnly(Kind.LINK_ESCAPES);
        assertThat(integrity.findings()).extracting(Finding::entry)
                .containsExactly("x-1.0/evil", "x-1.0/abs", "x-1.0/hard");
        assertThat(integrity.findings().get(0).detail()).contains("'../../etc/passwd'");
    }

    @Test
    void anSdistWhoseTopDirectoryIsNotItsNameAndVersionIsFlagged() throws IOException {
        Path archive = tar(dir.resolve("nova-27.0.0.tar.gz"), file("nova-26.0.0/PKG-INFO", "Name: nova\n"),
                file("nova-26.0.0/setup.py", "s"), file("stray.txt", "x"));

        Integrity integrity = inspect(dir, archive);

        assertThat(integrity.findings()).extracting(Finding::kind, Finding::entry).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.SDIST_TOP_DIR, "nova-26.0.0/"),
                org.assertj.core.groups.Tuple.tuple(Kind.SDIST_TOP_DIR, "stray.txt"));
        assertThat(integrity.findings().get(0).detail()).contains("2 entries").contains("nova-27.0.0/");
    }

    @Test
    void tarballsThatAreNoPythonSdistAreNotHeldToTheSdistLayout() throws IOException {
        // a Helm chart and a branch tarball: no PKG-INFO, or a name that is no release
        Path chart = tar(dir.resolve("nova-2025.2.0+abc123.tgz"), file("nova/Chart.yaml", "name: nova\n"));
        Path branch = tar(dir.resolve("nova-master.tar.gz"), file("nova-28.1.0.dev12/PKG-INFO", "Name: nova\n"));

        assertThat(inspect(dir, chart).status()).isEqualTo(Status.OK);
        assertThat(inspect(dir, branch).status()).isEqualTo(Status.OK);
    }

    @Test
    void anHtmlPageNamedTarGzIsCorruptNotTruncated() throws IOException {
        Path page = dir.resolve("nova-27.0.0.tar.gz");
        Files.writeString(page, "<!DOCTYPE html><html><body>404 Not Found</body></html>\n");

        Integrity integrity = inspect(dir, page);

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.CORRUPT);
        assertThat(integrity.findings().get(0).detail()).contains("not in the .gz format");
    }

    @Test
    void filesThatAreNoArchiveByNameAreHashedAndNotInspected() throws IOException {
        Path signature = Files.writeString(dir.resolve("nova-27.0.0.tar.gz.asc"), "-----BEGIN PGP SIGNATURE-----\n");

        assertThat(inspect(dir, signature).status()).isEqualTo(Status.NOT_AN_ARCHIVE);
    }

    @Test
    void findingsAreBoundedAndNamesEscaped() throws IOException {
        ArchiveFixtures.Entry[] entries = new ArchiveFixtures.Entry[30];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = file("../evil\n" + i, "x");
        }
        Integrity integrity = inspect(dir, tar(dir.resolve("x-1.0.tar.gz"), entries));

        assertThat(integrity.findings()).hasSize(20);
        assertThat(integrity.findingsOmitted()).isEqualTo(10);
        assertThat(integrity.findings().get(0).entry()).isEqualTo("../evil\\x0a0");
        assertThat(integrity.summary()).doesNotContain("\n").endsWith("; and 10 more");
    }

    @Test
    void tooManyEntriesStopTheWalk() throws IOException {
        Path archive = tar(dir.resolve("x-1.0.tar.gz"), file("a", "1"), file("b", "2"), file("c", "3"), file("d", "4"));

        Integrity integrity = inspect(dir, archive, new Limits(100, 1 << 20, 1L << 30, 2, 20));

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.TOO_MANY_ENTRIES);
        assertThat(integrity.entries()).isEqualTo(3);
    }

    @ParameterizedTest // the decompressed stream is read ahead: the last entries must still be seen before the garbage
    @ValueSource(strings = {"x-1.0.tar.gz", "x-1.0.tar.bz2", "x-1.0.tar.xz"})
    void findingsOfTheSameRunAreAllKept(String name) throws IOException {
        Path archive = append(tar(dir.resolve(name), file("/abs", "1"), symlink("l", "../../x")),
                "<html>appended</html>\n".getBytes());

        List<Kind> kinds = inspect(dir, archive).findings().stream().map(Finding::kind).toList();

        assertThat(kinds).containsExactly(Kind.ABSOLUTE_PATH, Kind.LINK_ESCAPES, Kind.TRAILING_GARBAGE);
    }
}
