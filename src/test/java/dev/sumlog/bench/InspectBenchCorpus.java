package dev.sumlog.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * Release files like the ones sumlog hashes, generated from a seed: sdists (a tar of Python-like
 * source, 1-64 KiB files, one in 50 incompressible, about 4:1 as real sdists are) as .tar.gz,
 * .tar.xz and .tar.bz2, and wheels (mostly a machine-code-like extension module plus Python files,
 * about 3:1 as real binary wheels are) with a correct RECORD. Compression settings are the tools'
 * defaults: gzip 6, xz preset 6, bzip2 900k blocks, zip deflate 6.
 */
final class InspectBenchCorpus {

    private InspectBenchCorpus() {
    }

    /** Writes files of the kind the suffix names until about {@code totalBytes} are on disk. */
    static List<Path> generate(Path dir, String suffix, long totalBytes, int files) throws IOException {
        Files.createDirectories(dir);
        Path complete = dir.resolve(suffix + "-" + totalBytes + ".complete");
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path file = dir.resolve("bench" + i + "-1." + i + "." + suffix);
            written.add(file);
            if (!Files.exists(complete)) {
                write(file, suffix, totalBytes / files, i);
            }
        }
        Files.writeString(complete, "");
        return written;
    }

    private static void write(Path file, String suffix, long compressedBytes, int seed) throws IOException {
        Random random = new Random(seed);
        String top = file.getFileName().toString().replace("." + suffix, "");
        if (suffix.equals("whl")) {
            wheel(file, top, compressedBytes, random);
            return;
        }
        try (OutputStream raw = Files.newOutputStream(file);
             var counted = new org.apache.commons.io.output.CountingOutputStream(raw)) {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(compressor(counted, suffix))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                put(tar, top + "/PKG-INFO", utf8("Metadata-Version: 2.1\nName: bench\nVersion: 1.0\n"));
                for (int i = 0; counted.getByteCount() < compressedBytes; i++) {
                    int size = 1024 + random.nextInt(63 * 1024);
                    byte[] content = random.nextInt(50) == 0 ? noise(size, random) : source(size, random);
                    put(tar, top + "/src/bench/module" + i / 50 + "/file" + i + ".py", content);
                }
            }
        }
    }

    private static OutputStream compressor(OutputStream out, String suffix) throws IOException {
        switch (suffix) {
            case "tar.gz":
                GzipParameters parameters = new GzipParameters();
                parameters.setCompressionLevel(6);
                return new GzipCompressorOutputStream(out, parameters);
            case "tar.xz":
                return new XZCompressorOutputStream(out);
            case "tar.bz2":
                return new BZip2CompressorOutputStream(out);
            default:
                throw new IllegalArgumentException("no generator for ." + suffix);
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** A wheel of about {@code compressedBytes}: an extension module in 4 MiB parts, Python files, RECORD last. */
    private static void wheel(Path file, String top, long compressedBytes, Random random) throws IOException {
        String distInfo = top + ".dist-info";
        StringBuilder record = new StringBuilder();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) { // seekable: sizes in the local headers, as wheel tools write
            for (int i = 0; zip.getBytesWritten() < compressedBytes; i++) {
                boolean binary = i % 4 != 3;
                byte[] content = binary ? machineCode(4 << 20, random) : source(8 * 1024 + random.nextInt(56 * 1024), random);
                String name = binary ? "bench/_native" + i + ".cpython-311-x86_64-linux-gnu.so" : "bench/mod" + i + ".py";
                zipEntry(zip, name, content, record);
            }
            zipEntry(zip, distInfo + "/METADATA", utf8("Metadata-Version: 2.1\nName: bench\nVersion: 1.0\n"), record);
            zipEntry(zip, distInfo + "/WHEEL", utf8("Wheel-Version: 1.0\nRoot-Is-Purelib: false\n"), record);
            record.append(distInfo).append("/RECORD,,\n");
            zip.putArchiveEntry(new ZipArchiveEntry(distInfo + "/RECORD"));
            zip.write(utf8(record.toString()));
            zip.closeArchiveEntry();
        }
    }

    private static void zipEntry(ZipArchiveOutputStream zip, String name, byte[] content, StringBuilder record)
            throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(content);
        zip.closeArchiveEntry();
        record.append(name).append(",sha256=").append(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(content)))
                .append(',').append(content.length).append('\n');
    }

    private static final String[] KEYWORDS = {"def", "return", "if", "else:", "elif", "for", "in", "while", "import",
        "from", "class", "self", "None", "True", "False", "not", "and", "or", "is", "raise", "try:", "except", "with", "as"};

    /**
     * Python-like lines: identifiers from a vocabulary drawn with a skewed (Zipf-like) frequency,
     * keywords, indentation, comments and docstrings in words, numbers. Compresses about 4:1.
     */
    static byte[] source(int bytes, Random random) {
        StringBuilder out = new StringBuilder(bytes + 200);
        int indent = 0;
        while (out.length() < bytes) {
            indent = Math.max(0, Math.min(3, indent + random.nextInt(3) - 1));
            out.append("    ".repeat(indent));
            switch (random.nextInt(8)) {
                case 0 -> out.append("def ").append(word(random)).append("(self, ").append(word(random)).append(", ")
                        .append(word(random)).append("=None):");
                case 1 -> out.append("# ").append(words(random, 4 + random.nextInt(8)));
                case 2 -> out.append("\"\"\"").append(words(random, 6 + random.nextInt(10))).append(".\"\"\"");
                case 3 -> out.append("if ").append(word(random)).append(" is not None and ").append(word(random))
                        .append(" > ").append(random.nextInt(1000)).append(':');
                case 4 -> out.append("return self.").append(word(random)).append('(').append(word(random)).append(')');
                default -> out.append(word(random)).append(" = ").append(word(random)).append('.').append(word(random))
                        .append('(').append(word(random)).append(", ").append(KEYWORDS[random.nextInt(KEYWORDS.length)])
                        .append(')');
            }
            out.append('\n');
        }
        out.setLength(bytes);
        return utf8(out.toString());
    }

    private static String words(Random random, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : " ").append(word(random));
        }
        return s.toString();
    }

    private static final String[] SYLLABLES = {"get", "set", "val", "name", "item", "list", "data", "conf", "path",
        "node", "req", "res", "user", "file", "log", "key", "id", "max", "min", "len", "buf", "err", "ctx", "obj"};

    /** One of about 14,000 identifiers; the low ranks far more often. */
    private static String word(Random random) {
        int rank = (int) Math.pow(14_000, random.nextDouble() * random.nextDouble());
        return SYLLABLES[rank % 24] + (rank >= 24 ? "_" + SYLLABLES[rank / 24 % 24] : "") + (rank >= 576 ? rank / 576 : "");
    }

    /** Instruction-like bytes: a skewed choice among a few hundred short patterns, immediates, zero runs. */
    static byte[] machineCode(int bytes, Random random) {
        byte[][] patterns = new byte[400][];
        Random shapes = new Random(42);
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = new byte[2 + shapes.nextInt(6)];
            shapes.nextBytes(patterns[i]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 16);
        while (out.size() < bytes) {
            int rank = (int) Math.pow(patterns.length, random.nextDouble() * random.nextDouble());
            out.writeBytes(patterns[rank]);
            int roll = random.nextInt(10);
            if (roll < 3) { // an address or constant
                out.write(random.nextInt(256));
                out.write(random.nextInt(16));
                out.write(0);
                out.write(0);
            } else if (roll == 3) {
                out.writeBytes(new byte[random.nextInt(16)]);
            }
        }
        return java.util.Arrays.copyOf(out.toByteArray(), bytes);
    }

    private static byte[] noise(int size, Random random) {
        byte[] content = new byte[size];
        random.nextBytes(content);
        return content;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
