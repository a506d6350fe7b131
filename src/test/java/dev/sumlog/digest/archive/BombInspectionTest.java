package dev.sumlog.digest.archive;

import static dev.sumlog.digest.archive.ArchiveFixtures.inspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.digest.archive.Finding.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BombInspectionTest {

    private static final long GIB = 1L << 30;

    @TempDir
    static Path dir;
    private static Path bomb;

    /** 1 GiB of zeros in one tar entry, gzip-compressed as it is generated: about 1 MB on disk. */
    @BeforeAll
    static void writeBomb() throws IOException {
        bomb = dir.resolve("bomb-1.0.tar.gz");
        GzipParameters fast = new GzipParameters();
        fast.setCompressionLevel(1);
        try (OutputStream gz = new GzipCompressorOutputStream(Files.newOutputStream(bomb), fast);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            TarArchiveEntry entry = new TarArchiveEntry("bomb-1.0/zeros");
            entry.setSize(GIB);
            tar.putArchiveEntry(entry);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                tar.write(zeros);
            }
            tar.closeArchiveEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(10L << 20);
    }

    @Test
    void aHighRatioBombIsStoppedEarly() throws IOException {
        Integrity integrity = inspect(dir, bomb);

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.BOMB_RATIO);
        // stopped just past the 1 MiB floor, within one read of the decompressor: nowhere near 1 GiB
        assertThat(integrity.unpackedBytes()).isGreaterThan(Limits.DEFAULTS.ratioFloorBytes())
                .isLessThan(Limits.DEFAULTS.ratioFloorBytes() + (1 << 20));
    }

    @Test
    void theSizeCapStopsAnArchiveUnderTheRatio() throws IOException {
        Limits sizeOnly = new Limits(1_000_000, 1 << 20, 8L << 20, 1_000_000, 20);

        Integrity integrity = inspect(dir, bomb, sizeOnly);

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.BOMB_SIZE);
        assertThat(integrity.unpackedBytes()).isGreaterThan(8L << 20).isLessThan((8L << 20) + (1 << 20));
    }

    @Test
    void aZipBombIsStoppedToo() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("zeros", new byte[64 << 20]);
        Path zip = ArchiveFixtures.zip(dir.resolve("zeros.zip"), files);

        Integrity integrity = inspect(dir, zip);

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.BOMB_RATIO);
        assertThat(integrity.unpackedBytes()).isLessThan(4L << 20);
    }

    @Test
    void aReadErrorIsThrownNotReportedAsACorruptArchive() throws IOException {
        byte[] head = Files.readAllBytes(ArchiveFixtures.tar(dir.resolve("x-1.0.tar.gz"),
                ArchiveFixtures.Entry.file("x-1.0/a", ArchiveFixtures.randomText(200_000, 3))));
        ReadableByteChannel failing = new ReadableByteChannel() {
            private int calls;

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (calls++ > 0) {
                    throw new IOException("disk on fire");
                }
                int n = Math.min(dst.remaining(), head.length / 2);
                dst.put(head, 0, n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> new ArchiveInspector(Limits.DEFAULTS).read(failing, "x-1.0.tar.gz",
                MessageDigest.getInstance("SHA-256"), ByteBuffer.allocate(1 << 16)))
                .isInstanceOf(IOException.class).hasMessage("disk on fire");
    }
}
