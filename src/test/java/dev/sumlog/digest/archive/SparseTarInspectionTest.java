package dev.sumlog.digest.archive;

import static dev.sumlog.digest.archive.ArchiveFixtures.inspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumlog.digest.archive.Finding.Kind;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GNU sparse entries (written by the system's tar, as Commons Compress writes none): their holes
 * are never made into zeros, so a few hundred bytes declaring gigabytes cost nothing, while their
 * data parts are decompressed and metered and the walk stays in step with the entries after them.
 */
class SparseTarInspectionTest {

    private static final long HOLES = 8L << 30; // just under the 8 GiB an octal size field holds

    @TempDir
    Path dir;

    @TempDir // apart from dir, which the inspection must leave as it was: it holds a dangling link
    Path src;

    @Test
    void holesAreSkippedAndDataPartsStillRead() throws Exception {
        Path top = Files.createDirectories(src.resolve("sparse-1.0"));
        List<String> names = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 4; i++) { // 32 GiB of holes: seconds at the least to make into zeros
            Path file = top.resolve("data" + i + ".bin");
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(HOLES - 1024 * 1024);
                for (long at : new long[] {1L << 30, (5L << 30) + 12_345}) { // data parts amid the holes
                    byte[] data = new byte[200_000];
                    random.nextBytes(data);
                    raf.seek(at);
                    raf.write(data);
                }
            }
            names.add("sparse-1.0/" + file.getFileName());
        }
        Files.writeString(top.resolve("PKG-INFO"), "Name: sparse\n");
        Files.createSymbolicLink(top.resolve("z-link"), Path.of("../../etc/passwd"));
        names.add("sparse-1.0/PKG-INFO");
        names.add("sparse-1.0/z-link"); // after the sparse entries: seen only if the walk kept in step
        assumeTrue(allocatedKib(top) < 64 * 1024, "this file system keeps no sparse files");
        Path archive = dir.resolve("sparse-1.0.tar.gz");
        List<String> command = new ArrayList<>(List.of("tar", "--sparse", "-czf", archive.toString(),
                "-C", src.toString()));
        command.addAll(names);
        assumeTrue(new ProcessBuilder(command).inheritIO().start().waitFor() == 0, "system tar not usable");
        assumeTrue(Files.size(archive) < 4 << 20, "system tar wrote the holes out");

        Integrity integrity = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> inspect(dir, archive));

        assertThat(integrity.findings()).extracting(Finding::kind).containsExactly(Kind.LINK_ESCAPES);
        assertThat(integrity.entries()).isEqualTo(6);
        assertThat(integrity.unpackedBytes()).isGreaterThan(4 * 2 * 200_000L).isLessThan(4 << 20);
    }

    private static long allocatedKib(Path folder) throws Exception {
        Process du = new ProcessBuilder("du", "-sk", folder.toString()).start();
        String out = new String(du.getInputStream().readAllBytes()).trim();
        assumeTrue(du.waitFor() == 0, "du not usable");
        return Long.parseLong(out.split("\\s+")[0]);
    }
}
