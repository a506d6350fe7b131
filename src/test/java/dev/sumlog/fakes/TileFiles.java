package dev.sumlog.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Serves a tlog-tiles directory read-only: {@code /checkpoint}, {@code /tile/<L>/<N>[.p/<W>]}
 * and {@code /tile/entries/<N>[.p/<W>]}; anything else is 404. Files appear atomically (the
 * TileLog renames them into place), so a reader never sees half a tile.
 */
final class TileFiles {

    private static final Pattern SERVED = Pattern.compile(
            "checkpoint|tile/(?:\\d{1,2}|entries)/(?:x\\d{3}/)*\\d{3}(?:\\.p/\\d{1,3})?");

    private final Path root;

    TileFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    static boolean serves(String path) {
        return path.length() > 1 && SERVED.matcher(path.substring(1)).matches();
    }

    void get(HttpExchange exchange, String path) throws IOException {
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            Exchanges.text(exchange, 404, "text/plain", "not found\n");
            return;
        }
        String type = path.equals("/checkpoint") ? "text/plain; charset=utf-8" : "application/octet-stream";
        Exchanges.send(exchange, 200, type, Files.readAllBytes(file));
    }
}
