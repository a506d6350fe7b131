package dev.sumlog.bench;

import dev.sumlog.digest.archive.ArchiveInspector;
import dev.sumlog.digest.archive.Integrity;
import dev.sumlog.digest.archive.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Hashing throughput with and without archive inspection, one thread, on generated sdist-like
 * tar.gz files (source-like text in 1-64 KiB entries, one file in 20 incompressible; about 2:1 overall,
 * where real sdists are 3:1 to 5:1, which costs inspection more per compressed byte).
 * Rounds interleave the two ways; files are read once before (warm page cache), so the figure is
 * CPU per byte, the case where inspection costs most (a disk- or network-bound hash hides it).
 *
 * <p>Usage: {@code InspectThroughputMain DIR [TOTAL_MIB=1024] [FILES=4] [ROUNDS=3]}; files in DIR are
 * generated once and reused.
 */
public final class InspectThroughputMain {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/sumlog-inspect-bench"));
        long totalMiB = args.length > 1 ? Long.parseLong(args[1]) : 1024;
        int fileCount = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < fileCount; i++) {
            files.add(generate(dir.resolve("bench" + i + "-1.0." + i + ".tar.gz"), (totalMiB << 20) / fileCount, i));
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ArchiveInspector inspector = new ArchiveInspector(Limits.DEFAULTS);
        run(files, buffer, sha, null); // warm the page cache and the JIT
        run(files, buffer, sha, inspector);
        double[] plain = new double[rounds];
        double[] inspected = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            plain[r] = bytes / 1e6 / run(files, buffer, sha, null);
            inspected[r] = bytes / 1e6 / run(files, buffer, sha, inspector);
            System.out.printf("round %d: hash only %.0f MB/s, hash + inspection %.0f MB/s%n", r + 1, plain[r], inspected[r]);
        }
        System.out.printf("%d files, %.0f MB compressed; median of %d (min-max):%n", fileCount, bytes / 1e6, rounds);
        System.out.printf("  hash only          %.0f MB/s (%.0f-%.0f)%n", median(plain), min(plain), max(plain));
        System.out.printf("  hash + inspection  %.0f MB/s (%.0f-%.0f)%n", median(inspected), min(inspected), max(inspected));
        System.out.printf("  ratio              %.3fx (goal >= 0.7x)%n", median(inspected) / median(plain));
    }

    /** Seconds to read every file once; inspects when an inspector is given. */
    private static double run(List<Path> files, ByteBuffer buffer, MessageDigest sha, ArchiveInspector inspector)
            throws IOException {
        long start = System.nanoTime();
        for (Path file : files) {
            sha.reset();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (inspector == null) {
                    while (true) { // FileDigester's loop
                        buffer.clear();
                        if (channel.read(buffer) < 0) {
                            break;
                        }
                        buffer.flip();
                        sha.update(buffer);
                    }
                } else {
                    Integrity integrity = inspector.read(channel, file.getFileName().toString(), sha, buffer).integrity();
                    if (integrity.status() != Integrity.Status.OK) {
                        throw new IllegalStateException(file + ": " + integrity.summary());
                    }
                }
            }
            sha.digest();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Path generate(Path file, long compressedBytes, int seed) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        byte[] text = sourceText(4 << 20, seed);
        Random random = new Random(seed);
        String top = file.getFileName().toString().replace(".tar.gz", "");
        GzipParameters level = new GzipParameters();
        level.setCompressionLevel(6);
        try (OutputStream raw = Files.newOutputStream(partial);
             var counted = new org.apache.commons.io.output.CountingOutputStream(raw);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(counted, level))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            put(tar, top + "/PKG-INFO", "Metadata-Version: 1.2\nName: bench\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; counted.getByteCount() < compressedBytes; i++) {
                int size = 1024 + random.nextInt(63 * 1024);
                byte[] content;
                if (random.nextInt(20) == 0) { // images, compressed data files
                    content = new byte[size];
                    random.nextBytes(content);
                } else {
                    int at = random.nextInt(text.length - size);
                    content = Arrays.copyOfRange(text, at, at + size);
                }
                put(tar, top + "/pkg/module" + (i / 100) + "/file" + i + ".py", content);
            }
        }
        Files.move(partial, file);
        return file;
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** Source-like text: identifiers, keywords and numbers from a seeded generator. */
    private static byte[] sourceText(int bytes, long seed) {
        String[] words = {"def ", "return ", "self", ".", " = ", "(", ")", ":\n        ", "import ", "if ", "else:",
                "\n", "for ", " in ", "None", "True", "'", ", ", "#", "_", "[", "]", "\"\"\"", " + ", "    "};
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(bytes + 32);
        while (out.length() < bytes) {
            out.append(words[random.nextInt(words.length)]);
            if (random.nextInt(4) == 0) {
                out.append(Integer.toString(random.nextInt(1 << 20), 36));
            }
        }
        out.setLength(bytes);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
