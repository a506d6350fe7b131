package dev.sumlog.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Small, valid release archives for tests that run the whole job (which inspects every archive it
 * hashes): an sdist that unpacks into {@code <name>-<version>/} with a PKG-INFO, and a wheel with a
 * RECORD that matches. {@code content} goes into one member file, so different contents give
 * different archives.
 */
public final class Archives {

    private Archives() {
    }

    /** A gzipped tar named like {@code nova-1.0.tar.gz} (or any .tar.gz / .tgz name). */
    public static Path sdist(Path file, String content) {
        String stem = file.getFileName().toString().replaceFirst("(\\.tar\\.gz|\\.tgz)$", "");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream raw = Files.newOutputStream(file);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                put(tar, stem + "/PKG-INFO", ("Metadata-Version: 2.1\nName: " + stem + "\n").getBytes(StandardCharsets.UTF_8));
                put(tar, stem + "/content.txt", content.getBytes(StandardCharsets.UTF_8));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A large sdist of {@code bytes} random bytes in one member, deflated as stored blocks (random bytes
     * do not compress, and storing is fast): for tests that need a big valid archive.
     */
    public static Path bigSdist(Path file, long bytes, long seed) {
        String stem = file.getFileName().toString().replaceFirst("(\\.tar\\.gz|\\.tgz)$", "");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream raw = Files.newOutputStream(file);
                 GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16) {
                     {
                         def.setLevel(Deflater.NO_COMPRESSION);
                     }
                 };
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
                put(tar, stem + "/PKG-INFO", ("Metadata-Version: 2.1\nName: " + stem + "\n").getBytes(StandardCharsets.UTF_8));
                TarArchiveEntry entry = new TarArchiveEntry(stem + "/payload.bin");
                entry.setSize(bytes);
                tar.putArchiveEntry(entry);
                byte[] block = new byte[1 << 20];
                new java.util.Random(seed).nextBytes(block);
                for (long written = 0; written < bytes; written += block.length) {
                    tar.write(block, 0, (int) Math.min(block.length, bytes - written));
                }
                tar.closeArchiveEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wheel named like {@code nova-1.0-py3-none-any.whl}, whose RECORD lists its files' hashes. */
    public static Path wheel(Path file, String content) {
        String[] parts = file.getFileName().toString().split("-");
        String distInfo = parts[0] + "-" + parts[1] + ".dist-info";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(parts[0] + "/content.txt", content.getBytes(StandardCharsets.UTF_8));
        entries.put(distInfo + "/METADATA", ("Metadata-Version: 2.1\nName: " + parts[0] + "\n").getBytes(StandardCharsets.UTF_8));
        entries.put(distInfo + "/WHEEL", "Wheel-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        entries.forEach((name, bytes) -> record.append(name).append(",sha256=").append(urlsafeSha256(bytes)).append(',')
                .append(bytes.length).append('\n'));
        record.append(distInfo).append("/RECORD,,\n");
        entries.put(distInfo + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            Files.write(file, bytes.toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static String urlsafeSha256(byte[] content) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
