package dev.sumlog.digest.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Real archives written with Commons Compress, and the one-read assertion every test makes. */
final class ArchiveFixtures {

    private ArchiveFixtures() {
    }

    /** A tar entry to write: a file (content), a directory, a symbolic or a hard link (target). */
    record Entry(String name, byte[] content, byte linkFlag, String target) {
        static Entry file(String name, String content) {
            return file(name, content.getBytes(StandardCharsets.UTF_8));
        }

        static Entry file(String name, byte[] content) {
            return new Entry(name, content, TarArchiveEntry.LF_NORMAL, null);
        }

        static Entry dir(String name) {
            return new Entry(name, new byte[0], TarArchiveEntry.LF_DIR, null);
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, new byte[0], TarArchiveEntry.LF_SYMLINK, target);
        }

        static Entry hardlink(String name, String target) {
            return new Entry(name, new byte[0], TarArchiveEntry.LF_LINK, target);
        }
    }

    /** Writes a tar compressed as the file name says (.tar.gz, .tgz, .tar.bz2, .tar.xz). */
    static Path tar(Path file, Entry... entries) throws IOException {
        try (OutputStream out = compressor(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.linkFlag(), true); // true: keep a leading '/'
                if (e.target() != null) {
                    entry.setLinkName(e.target());
                }
                entry.setSize(e.linkFlag() == TarArchiveEntry.LF_NORMAL ? e.content().length : 0);
                tar.putArchiveEntry(entry);
                if (entry.getSize() > 0) {
                    tar.write(e.content());
                }
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    private static OutputStream compressor(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        String name = file.getFileName().toString();
        if (name.endsWith(".tar.bz2")) {
            return new BZip2CompressorOutputStream(raw);
        }
        if (name.endsWith(".tar.xz")) {
            return new XZCompressorOutputStream(raw);
        }
        return new GzipCompressorOutputStream(raw);
    }

    /** Writes a zip with deflated entries, in order. */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    /** The files of a wheel, with a RECORD (last, as tools write it) that lists them all correctly. */
    static Map<String, byte[]> wheelFiles(String distInfo) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("demo/__init__.py", utf8("VERSION = '1.0'\n"));
        files.put("demo/core.py", randomText(20_000, 7));
        files.put(distInfo + "/METADATA", utf8("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"));
        files.put(distInfo + "/WHEEL", utf8("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"));
        StringBuilder record = new StringBuilder();
        files.forEach((name, content) -> record.append(name).append(",sha256=").append(urlsafeSha256(content))
                .append(',').append(content.length).append('\n'));
        record.append(distInfo).append("/RECORD,,\n");
        files.put(distInfo + "/RECORD", utf8(record.toString()));
        return files;
    }

    static String urlsafeSha256(byte[] content) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(content));
    }

    /** Compressible but not trivial text, like source code: words from a small vocabulary. */
    static byte[] randomText(int bytes, long seed) {
        String[] words = {"def ", "return ", "self", ".value", " = ", "(", ")", ":\n    ", "import ", "nova",
                "compute", "_", "1", "None", "if ", "else", "\n", "for ", " in ", "range", "'", "x", "y", ", "};
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(bytes + 16);
        while (text.length() < bytes) {
            text.append(words[random.nextInt(words.length)]);
            if (random.nextInt(50) == 0) {
                text.append(Long.toHexString(random.nextLong()));
            }
        }
        text.setLength(bytes);
        return utf8(text.toString());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Inspects {@code file} and checks what every inspection must give: the SHA-256 of the whole
     * file from the same read, its full size, and no file created or changed in {@code dir}.
     */
    static Integrity inspect(Path dir, Path file, Limits limits) throws IOException {
        Set<String> before = listing(dir);
        InspectingDigester.Result result = new InspectingDigester(limits, 1 << 20).digest(file);
        assertThat(listing(dir)).as("nothing written to disk").isEqualTo(before);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(result.sha256()).as("digest of the whole file").isEqualTo(HexFormat.of().formatHex(sha256(bytes)));
        assertThat(result.size()).isEqualTo(bytes.length);
        return result.integrity();
    }

    static Integrity inspect(Path dir, Path file) throws IOException {
        return inspect(dir, file, Limits.DEFAULTS);
    }

    /** Every path under dir with its size and mtime. */
    static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(p -> {
                try {
                    return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
    }

    static Path append(Path file, byte[] tail) throws IOException {
        Files.write(file, tail, java.nio.file.StandardOpenOption.APPEND);
        return file;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
