package dev.sumlog.bench;

import dev.sumlog.digest.archive.ArchiveInspector;
import dev.sumlog.digest.archive.Integrity;
import dev.sumlog.digest.archive.Limits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Hashing throughput with and without archive inspection, one thread, per archive kind, on
 * generated release files ({@link InspectBenchCorpus}: sdists of source text at about 4:1, binary
 * wheels at about 3:1) and, if given, a folder of real ones. For each kind it also times the
 * decompression alone (no hash, no walk, no CRC): what any inspection must spend at least, hence the
 * best ratio inspection could reach here, printed as the ceiling.
 *
 * <p>Rounds interleave the three ways; files are read once before (warm page cache), so figures are
 * CPU per byte, the case where inspection costs most (a disk- or network-bound hash hides it).
 * Besides wall-clock MB/s (medians, min-max), the ratio is also given from the thread's CPU time,
 * which another process on a shared machine disturbs far less.
 *
 * <p>Usage: {@code InspectThroughputMain [DIR] [MIB=256] [ROUNDS=3] [REAL_DIR]}: DIR keeps the generated
 * files between runs (MIB per kind for .tar.gz and .whl, an eighth of it for the slow .tar.xz and
 * .tar.bz2; the first run spends minutes generating, most of it compressing the .tar.xz); REAL_DIR,
 * searched recursively (links followed to files), adds a group per kind of the archives found there.
 */
public final class InspectThroughputMain {

    private static final List<String> KINDS = List.of("tar.gz", "whl", "tar.xz", "tar.bz2");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20); // the hash step's buffer
    private final byte[] scratch = new byte[256 * 1024];
    private final MessageDigest sha;
    private final ArchiveInspector inspector = new ArchiveInspector(Limits.DEFAULTS);

    private InspectThroughputMain() throws Exception {
        sha = MessageDigest.getInstance("SHA-256");
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/sumlog-inspect-bench");
        long mib = args.length > 1 ? Long.parseLong(args[1]) : 256;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        for (String kind : KINDS) {
            long bytes = (kind.equals("tar.gz") || kind.equals("whl") ? mib : Math.max(1, mib / 8)) << 20;
            groups.put("generated ." + kind, InspectBenchCorpus.generate(dir.resolve("generated"), kind, bytes, 8));
        }
        if (args.length > 3) {
            for (String kind : KINDS) {
                try (Stream<Path> found = Files.walk(Path.of(args[3]))) {
                    List<Path> real = found.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + kind))
                            .filter(Files::isRegularFile).sorted().toList();
                    if (!real.isEmpty()) {
                        groups.put("real ." + kind, real);
                    }
                }
            }
        }
        new InspectThroughputMain().run(groups, rounds);
    }

    private enum Way { HASH, INSPECT, DECOMPRESS }

    private record Timing(double wallSeconds, double cpuSeconds) {
    }

    private void run(Map<String, List<Path>> groups, int rounds) throws IOException {
        Map<String, Map<Way, List<Timing>>> timings = new LinkedHashMap<>();
        for (int r = 0; r <= rounds; r++) { // round 0 warms the page cache and the JIT, untimed
            for (var group : groups.entrySet()) {
                for (Way way : Way.values()) {
                    Timing t = time(group.getValue(), way);
                    if (r > 0) {
                        timings.computeIfAbsent(group.getKey(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(way, k -> new ArrayList<>()).add(t);
                    }
                }
            }
            System.err.printf("round %d of %d done%n", r, rounds);
        }
        System.out.printf("Archive inspection throughput, one thread, MB/s of file (compressed) bytes: wall-clock median"
                + " of %d (min-max), then from the thread's CPU time; ratio = inspection / hash only (goal >= 0.7x)%n", rounds);
        for (var group : timings.entrySet()) {
            long bytes = 0;
            for (Path f : groups.get(group.getKey())) {
                bytes += Files.size(f);
            }
            Map<Way, List<Timing>> t = group.getValue();
            double[] hash = mbs(bytes, t.get(Way.HASH), false);
            double[] inspect = mbs(bytes, t.get(Way.INSPECT), false);
            double[] decompress = mbs(bytes, t.get(Way.DECOMPRESS), false);
            double[] hashCpu = mbs(bytes, t.get(Way.HASH), true);
            double[] inspectCpu = mbs(bytes, t.get(Way.INSPECT), true);
            double[] decompressCpu = mbs(bytes, t.get(Way.DECOMPRESS), true);
            System.out.printf("%-18s %3d files %6.0f MB%n", group.getKey(), groups.get(group.getKey()).size(), bytes / 1e6);
            System.out.printf("  hash only           %s%n", spread(hash, hashCpu));
            System.out.printf("  hash + inspection   %s   ratio %.3fx (CPU time: %.3fx)%n", spread(inspect, inspectCpu),
                    median(inspect) / median(hash), median(inspectCpu) / median(hashCpu));
            // hash + decompression and nothing else, over hash alone: the best any inspection could do
            System.out.printf("  decompression alone %s   ceiling %.3fx (CPU time: %.3fx)%n", spread(decompress, decompressCpu),
                    ceiling(median(hash), median(decompress)), ceiling(median(hashCpu), median(decompressCpu)));
        }
        System.out.println("(decompression alone: no CRC, no walk; a wheel's inspection must also hash every entry for"
                + " its RECORD, so its true ceiling is lower)");
    }

    private static double ceiling(double hash, double decompress) {
        return 1 / (1 + hash / decompress);
    }

    private Timing time(List<Path> files, Way way) throws IOException {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (Path file : files) {
            switch (way) {
                case HASH -> hash(file);
                case INSPECT -> inspect(file);
                case DECOMPRESS -> decompress(file);
            }
        }
        return new Timing((System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    /** FileDigester's loop. */
    private void hash(Path file) throws IOException {
        sha.reset();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                buffer.clear();
                if (channel.read(buffer) < 0) {
                    break;
                }
                buffer.flip();
                sha.update(buffer);
            }
        }
        sha.digest();
    }

    private void inspect(Path file) throws IOException {
        sha.reset();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Integrity integrity = inspector.read(channel, file.getFileName().toString(), sha, buffer).integrity();
            if (integrity.status() != Integrity.Status.OK) {
                throw new IllegalStateException(file + ": " + integrity.summary());
            }
        }
        sha.digest();
    }

    /** The bytes decompressed and dropped: for a zip, every entry's data as a streaming walk reads it. */
    private void decompress(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (name.endsWith(".whl") || name.endsWith(".zip")) {
                try (ZipArchiveInputStream zip = new ZipArchiveInputStream(raw)) {
                    while (zip.getNextEntry() != null) {
                        drain(zip);
                    }
                }
                return;
            }
            try (InputStream unpacking = name.endsWith(".tar.xz") ? new XZCompressorInputStream(raw, true)
                    : name.endsWith(".tar.bz2") ? new BZip2CompressorInputStream(raw, true)
                    : new GZIPInputStream(raw, 1 << 16)) {
                drain(unpacking);
            }
        }
    }

    private void drain(InputStream in) throws IOException {
        while (in.read(scratch, 0, scratch.length) >= 0) {
            // dropped
        }
    }

    private static double[] mbs(long bytes, List<Timing> timings, boolean cpu) {
        return timings.stream().mapToDouble(t -> bytes / 1e6 / (cpu ? t.cpuSeconds() : t.wallSeconds())).toArray();
    }

    private static String spread(double[] wall, double[] cpu) {
        return String.format("%6.0f MB/s (%.0f-%.0f), CPU %.0f", median(wall), Arrays.stream(wall).min().orElse(0),
                Arrays.stream(wall).max().orElse(0), median(cpu));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
