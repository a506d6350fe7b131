package dev.sumlog.tlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared, read-only test vectors, which are read in place and never copied:
 * system property {@code sumlog.vectors}, else env {@code SUMLOG_VECTORS}, else
 * {@code ../shared/vectors}. Tests needing them are skipped, with a printed reason, when absent.
 */
public final class Vectors {

    private Vectors() {
    }

    public static Path dir() {
        String dir = System.getProperty("sumlog.vectors");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("SUMLOG_VECTORS");
        }
        return Path.of(dir == null || dir.isBlank() ? "../shared/vectors" : dir);
    }

    /** The vector file or folder at {@code relative}; skips the calling test if it is absent. */
    public static Path require(String relative) {
        Path path = dir().resolve(relative);
        if (!Files.exists(path)) {
            String reason = "test vectors absent: " + path.toAbsolutePath()
                    + " (set -Dsumlog.vectors or SUMLOG_VECTORS); skipping";
            System.out.println(reason);
            Assumptions.assumeTrue(false, reason);
        }
        return path;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(require(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static byte[] b64(String b64) {
        return Base64.getDecoder().decode(b64);
    }
}
