package dev.sumlog.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reading the downloaded files: the artifact is streamed (it may be gigabytes); small files are read whole, capped. */
final class InputFiles {

    /** Far above any real sums file (about 100 bytes a line) or receipt, far below what would exhaust the heap. */
    static final int MAX_SUMS_BYTES = 64 << 20;
    static final int MAX_RECEIPT_BYTES = 1 << 20;

    private static final int BUFFER_BYTES = 1 << 20;

    private InputFiles() {
    }

    /** Lowercase hex SHA-256 of a file's bytes, read in fixed-size chunks. */
    static String sha256Hex(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The whole file, refusing files over {@code maxBytes}.
     *
     * @throws VerifyInputException if the file is larger than {@code maxBytes}
     */
    static byte[] readSmall(Path file, int maxBytes, String what) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new VerifyInputException(what + " " + file + " is over " + maxBytes + " bytes; not a " + what);
            }
            return bytes;
        } catch (IOException e) {
            throw new IOException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
