package dev.sumlog.digest.archive;

import static dev.sumlog.digest.archive.ArchiveFixtures.Entry.file;
import static dev.sumlog.digest.archive.ArchiveFixtures.Entry.symlink;
import static dev.sumlog.digest.archive.ArchiveFixtures.hex;
import static dev.sumlog.digest.archive.ArchiveFixtures.inspect;
import static dev.sumlog.digest.archive.ArchiveFixtures.randomText;
import static dev.sumlog.digest.archive.ArchiveFixtures.sha256;
import static dev.sumlog.digest.archive.ArchiveFixtures.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.digest.archive.Finding.Kind;
import dev.sumlog.digest.archive.Integrity.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.compressors.gzip.ExtraField;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gzip framing of a .tar.gz, read by {@link GzipMembers} straight from the digesting read buffer. */
class GzipMembersTest {

    @TempDir
    Path dir;

    /** The decompressed tar of a small sdist whose last entry is a link out of the archive. */
    private byte[] tarBytes() throws IOException {
        Path packed = tar(dir.resolve("packed.tar.gz"), file("x-1.0/PKG-INFO", "Name: x\n"),
                file("x-1.0/x/core.py", randomText(200_000, 3)), symlink("x-1.0/evil", "../../etc/passwd"));
        try (var in = new GzipCompressorInputStream(Files.newInputStream(packed))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] content, GzipParameters parameters) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var gz = new GzipCompressorOutputStream(out, parameters)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("x-1.0.tar.gz"), bytes);
    }

    @Test
    void everyOptionalHeaderFieldIsSkipped() throws IOException {
        GzipParameters parameters = new GzipParameters();
        parameters.setFileName("x-1.0.tar");
        parameters.setComment("made by a test");
        parameters.setExtraField(new ExtraField().addSubField("sl", new byte[] {1, 2, 3}));
        parameters.setHeaderCRC(true);

        Integrity integrity = inspect(dir, write(gzip(tarBytes(), parameters)));

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.LINK_ESCAPES);
        assertThat(integrity.entries()).isEqualTo(3);
    }

    @Test
    void membersSplitAcrossEveryReadOfATinyBufferAreReadWhole() throws IOException {
        byte[] tar = tarBytes();
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        for (int at = 0; at < tar.length; at += 50_000) { // a member per 50 KB: headers and trailers fall anywhere
            members.write(gzip(Arrays.copyOfRange(tar, at, Math.min(tar.length, at + 50_000)), new GzipParameters()));
        }
        Path archive = write(members.toByteArray());

        InspectingDigester.Result result = new InspectingDigester(Limits.DEFAULTS, 7).digest(archive);

        assertThat(result.integrity().findings()).extracting(Finding::kind).containsExactly(Kind.LINK_ESCAPES);
        assertThat(result.integrity().unpackedBytes()).isEqualTo(tar.length);
        assertThat(result.sha256()).isEqualTo(hex(sha256(members.toByteArray())));
    }

    @ParameterizedTest // the trailer: CRC-32 at 8 bytes from the end, length at 4
    @ValueSource(ints = {8, 4})
    void aTrailerThatDisagreesWithTheDataIsCorrupt(int fromEnd) throws IOException {
        byte[] bytes = gzip(tarBytes(), new GzipParameters());
        bytes[bytes.length - fromEnd] ^= 1;

        Integrity integrity = inspect(dir, write(bytes));

        assertThat(integrity.findings()).extracting(Finding::kind).endsWith(Kind.CORRUPT);
        assertThat(integrity.summary()).contains("corrupt");
    }

    @Test
    void aFileCutInsideTheTrailerIsTruncated() throws IOException {
        byte[] bytes = gzip(tarBytes(), new GzipParameters());

        Integrity integrity = inspect(dir, write(Arrays.copyOf(bytes, bytes.length - 3)));

        assertThat(integrity.findings()).extracting(Finding::kind).endsWith(Kind.TRUNCATED);
    }

    @Test
    void garbageThatStartsLikeAGzipMemberIsStillGarbage() throws IOException {
        byte[] bytes = gzip(tarBytes(), new GzipParameters());
        byte[] withGarbage = Arrays.copyOf(bytes, bytes.length + 4);
        System.arraycopy(new byte[] {0x1f, (byte) 0x8b, 9, 0}, 0, withGarbage, bytes.length, 4); // method 9: none

        Integrity integrity = inspect(dir, write(withGarbage));

        assertThat(integrity.findings()).extracting(Finding::kind)
                .containsExactly(Kind.LINK_ESCAPES, Kind.TRAILING_GARBAGE);
    }

    @Test
    void aBrokenTarInsideAWholeGzipIsCorruptNotGarbage() throws IOException {
        // the read-ahead reaches the end of the gzip member before the tar reader meets the broken header
        byte[] tar = tarBytes();
        tar[148] ^= 0x7f; // the first header's checksum field

        Integrity integrity = inspect(dir, write(gzip(tar, new GzipParameters())));

        assertThat(integrity.status()).isEqualTo(Status.FLAGGED);
        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.CORRUPT);
    }
}
