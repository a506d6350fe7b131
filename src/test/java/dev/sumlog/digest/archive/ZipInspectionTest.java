package dev.sumlog.digest.archive;

import static dev.sumlog.digest.archive.ArchiveFixtures.append;
import static dev.sumlog.digest.archive.ArchiveFixtures.inspect;
import static dev.sumlog.digest.archive.ArchiveFixtures.utf8;
import static dev.sumlog.digest.archive.ArchiveFixtures.wheelFiles;
import static dev.sumlog.digest.archive.ArchiveFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sumlog.digest.archive.Finding.Kind;
import dev.sumlog.digest.archive.Integrity.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipInspectionTest {

    private static final String DIST_INFO = "demo-1.0.dist-info";

    @TempDir
    Path dir;

    @Test
    void aWheelWhoseRecordMatchesIsOk() throws IOException {
        Integrity integrity = inspect(dir, zip(dir.resolve("demo-1.0-py3-none-any.whl"), wheelFiles(DIST_INFO)));

        assertThat(integrity.status()).as(integrity.summary()).isEqualTo(Status.OK);
        assertThat(integrity.entries()).isEqualTo(5);
    }

    @Test
    void aWheelMadeByPythonZipfileIsOk() throws Exception {
        Path wheel = zip(dir.resolve("made.zip"), wheelFiles(DIST_INFO));
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path rebuilt = dir.resolve("demo-1.0-py3-none-any.whl");
        Process unzip = new ProcessBuilder("python3", "-m", "zipfile", "-e", wheel.toString(), tree.toString())
                .inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(unzip.waitFor() == 0, "python3 not usable");
        Process rezip = new ProcessBuilder("python3", "-m", "zipfile", "-c", rebuilt.toString(), "demo", DIST_INFO)
                .directory(tree.toFile()).inheritIO().start();
        assertThat(rezip.waitFor()).isZero();

        Integrity integrity = inspect(dir, rebuilt);

        assertThat(integrity.status()).as(integrity.summary()).isEqualTo(Status.OK);
    }

    @Test
    void aWheelWhoseRecordDoesNotMatchIsFlaggedPerEntry() throws IOException {
        Map<String, byte[]> files = wheelFiles(DIST_INFO);
        files.put("demo/core.py", utf8("print('swapped')\n")); // RECORD still has the old hash
        files.put("demo/extra.py", utf8("x = 1\n")); // in the wheel, not in RECORD
        files.remove(DIST_INFO + "/WHEEL"); // in RECORD, not in the wheel
        files.put(DIST_INFO + "/RECORD", files.remove(DIST_INFO + "/RECORD")); // keep RECORD last

        Integrity integrity = inspect(dir, zip(dir.resolve("demo-1.0-py3-none-any.whl"), files));

        assertThat(integrity.findings()).extracting(Finding::kind, Finding::entry).containsExactly(
                tuple(Kind.WHEEL_RECORD_MISMATCH, "demo/core.py"),
                tuple(Kind.WHEEL_RECORD_MISMATCH, DIST_INFO + "/WHEEL"),
                tuple(Kind.WHEEL_RECORD_MISMATCH, "demo/extra.py"));
        assertThat(integrity.findings().get(0).detail()).startsWith("sha256 differs: RECORD ");
        assertThat(integrity.findings().get(1).detail()).isEqualTo("listed in RECORD but not in the wheel");
        assertThat(integrity.findings().get(2).detail()).isEqualTo("in the wheel but not in RECORD");
    }

    @Test
    void aWheelWithoutRecordIsFlagged() throws IOException {
        Map<String, byte[]> files = wheelFiles(DIST_INFO);
        files.remove(DIST_INFO + "/RECORD");

        Integrity integrity = inspect(dir, zip(dir.resolve("demo-1.0-py3-none-any.whl"), files));

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.WHEEL_RECORD_MISSING);
    }

    @Test
    void aRecordWithAnotherAlgorithmOrSizeIsAMismatch() throws IOException {
        Map<String, byte[]> files = wheelFiles(DIST_INFO);
        String record = new String(files.get(DIST_INFO + "/RECORD"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("demo/__init__.py,sha256=", "demo/__init__.py,md5=")
                .replaceFirst("(demo/core.py,sha256=[^,]+),\\d+", "$1,7");
        files.put(DIST_INFO + "/RECORD", utf8(record));

        Integrity integrity = inspect(dir, zip(dir.resolve("demo-1.0-py3-none-any.whl"), files));

        assertThat(integrity.findings()).extracting(Finding::entry, Finding::detail).containsExactly(
                tuple("demo/__init__.py", "RECORD hash algorithm 'md5' is not checked (sha256 only)"),
                tuple("demo/core.py", "size differs: RECORD 7, entry 20000"));
    }

    @Test
    void bytesAfterAZipEndRecordAreTrailingGarbage() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("x-1.0/PKG-INFO", utf8("Name: x\n"));
        Path clean = zip(dir.resolve("x-1.0.zip"), files);
        assertThat(inspect(dir, clean).status()).isEqualTo(Status.OK);

        Integrity integrity = inspect(dir, append(clean, utf8("appended junk")));

        assertThat(integrity.findings()).extracting(Finding::kind, Finding::detail)
                .containsExactly(tuple(Kind.TRAILING_GARBAGE, "13 bytes after the zip's end record"));
    }

    @Test
    void aCorruptedZipEntryFailsItsCrc() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("x-1.0/data.txt", utf8("A".repeat(100)));
        Path zip = dir.resolve("x-1.0.zip");
        try (var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip.toFile())) {
            var entry = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("x-1.0/data.txt");
            entry.setMethod(java.util.zip.ZipEntry.STORED);
            out.putArchiveEntry(entry);
            out.write(files.get("x-1.0/data.txt"));
            out.closeArchiveEntry();
        }
        byte[] bytes = Files.readAllBytes(zip);
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("AAAA");
        bytes[at + 10] = 'B';
        Files.write(zip, bytes);

        Integrity integrity = inspect(dir, zip);

        assertThat(integrity.findings()).extracting(Finding::kind, Finding::entry)
                .containsExactly(tuple(Kind.CORRUPT, "x-1.0/data.txt"));
        assertThat(integrity.findings().get(0).detail()).startsWith("CRC-32 differs");
    }

    @Test
    void zipEntryNamesGetThePathChecks() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("..\\evil.bat", utf8("x"));
        files.put("/abs.txt", utf8("y"));

        Integrity integrity = inspect(dir, zip(dir.resolve("stuff.zip"), files));

        assertThat(integrity.findings()).extracting(Finding::kind, Finding::entry).containsExactly(
                // Commons Compress turns the '\\' of a zip written on Windows into '/', as an extractor would
                tuple(Kind.PARENT_PATH, "../evil.bat"), tuple(Kind.ABSOLUTE_PATH, "/abs.txt"));
    }

    @Test
    void aTruncatedWheelIsTruncated() throws IOException {
        Path wheel = zip(dir.resolve("demo-1.0-py3-none-any.whl"), wheelFiles(DIST_INFO));
        byte[] bytes = Files.readAllBytes(wheel);
        Files.write(wheel, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Integrity integrity = inspect(dir, wheel);

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.TRUNCATED);
    }
}
