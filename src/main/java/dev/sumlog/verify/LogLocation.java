package dev.sumlog.verify;

import dev.sumlog.tlog.tiles.FileTileFetcher;
import dev.sumlog.tlog.tiles.HttpTileFetcher;
import dev.sumlog.tlog.tiles.TileFetcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the log's tiles are read from: a local directory or an http(s) URL serving the same files.
 * Nothing fetched is trusted; {@link dev.sumlog.tlog.tiles.TileReader} checks it all against signed roots.
 *
 * @param name the directory or URL as the user gave it, for messages
 * @param fetcher reads {@code checkpoint} and tiles
 */
public record LogLocation(String name, TileFetcher fetcher) {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Parses {@code --log}. A local directory must exist (a typo should not pass as "log
     * unreachable"); a URL is only contacted later, when its absence is a skip, not an error.
     *
     * @throws VerifyInputException if the text is neither an existing directory nor an http(s) URL
     */
    public static LogLocation parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new LogLocation(text, new HttpTileFetcher(uri(text), client(), REQUEST_TIMEOUT));
        }
        if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
            throw new VerifyInputException("--log: " + text + " is neither a directory nor an http(s) URL");
        }
        Path dir;
        try {
            dir = Path.of(text);
        } catch (InvalidPathException e) {
            throw new VerifyInputException("--log: " + text + " is not a valid path: " + e.getMessage());
        }
        if (!Files.isDirectory(dir)) {
            throw new VerifyInputException("--log: no log directory at " + dir.toAbsolutePath());
        }
        return new LogLocation(text, new FileTileFetcher(dir));
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                throw new VerifyInputException("--log: " + text + " has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new VerifyInputException("--log: " + text + " is not a valid URL: " + e.getMessage());
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }
}
