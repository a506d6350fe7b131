package dev.sumlog.tlog.tiles;

import static dev.sumlog.tlog.tiles.TileLogTest.ORIGIN;
import static dev.sumlog.tlog.tiles.TileLogTest.SIGNER;
import static dev.sumlog.tlog.tiles.TileLogTest.TRUSTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileReaderTest {

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void readsAPublishedLogOverHttp() throws IOException {
        TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
        log.append(LogFixtures.entries(0, 100));
        Checkpoint older = log.checkpoint();
        log.append(LogFixtures.entries(100, 200));
        log.append(LogFixtures.entries(300, 50));

        URI prefix = serve(dir);
        TileFetcher http = new HttpTileFetcher(prefix, HttpClient.newHttpClient(), Duration.ofSeconds(10));
        TileReader reader = TileReader.open(http, TRUSTED, ORIGIN);
        assertThat(reader.checkpointNote()).isEqualTo(log.checkpointNote());
        assertThat(reader.entry(0)).isEqualTo(LogFixtures.entry(0));
        assertThat(reader.entry(349)).isEqualTo(LogFixtures.entry(349));
        assertThat(reader.find(LogFixtures.entry(260), 0)).hasValue(260);
        ProofVerifier.verifyInclusion(42, 100, Rfc6962.hashLeaf(LogFixtures.entry(42)),
                reader.inclusionProof(42, 100), older.rootHash());
        reader.verifyExtends(older);

        Checkpoint forked = new Checkpoint(ORIGIN, 100, Rfc6962.hashLeaf(new byte[0]));
        assertThatThrownBy(() -> reader.verifyExtends(forked))
                .hasMessage("consistency proof: computed old root != expected old root");
        TileFetcher nowhere = new HttpTileFetcher(prefix.resolve("missing/"), HttpClient.newHttpClient(), Duration.ofSeconds(10));
        assertThatThrownBy(() -> TileReader.open(nowhere, TRUSTED, ORIGIN)).hasMessage("tile log: no checkpoint");
    }

    @Test
    void fallsBackToTheFullTileWhenAPartialOneWasDeleted() throws IOException {
        TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
        log.append(LogFixtures.entries(0, 100));
        Checkpoint older = log.checkpoint();
        String olderNote = log.checkpointNote();
        log.append(LogFixtures.entries(100, 200));

        // The spec lets a log delete partial tiles once the full tile exists.
        deleteTree(dir.resolve("tile/0/000.p"));
        deleteTree(dir.resolve("tile/entries/000.p"));
        TileReader atOlder = TileReader.atVerifiedCheckpoint(new FileTileFetcher(dir), older, olderNote);
        assertThat(atOlder.entry(99)).isEqualTo(LogFixtures.entry(99));
        assertThat(atOlder.rootHash(100)).isEqualTo(older.rootHash());
        assertThat(atOlder.receipt(7).verifyEntry(LogFixtures.entry(7), TRUSTED).size()).isEqualTo(100);

        // The current checkpoint reads its partial tile (tile/0/001.p/44) with no full tile present.
        assertThat(dir.resolve("tile/0/001")).doesNotExist();
        assertThat(TileReader.open(new FileTileFetcher(dir), TRUSTED, ORIGIN).entry(299)).isEqualTo(LogFixtures.entry(299));
    }

    @Test
    void refusesAnHttpBodyLargerThanAnyTileLogFileEvenWhenItInflatesFromGzip() throws IOException {
        Path entries = dir.resolve("tile/entries");
        Files.createDirectories(entries);
        Files.write(entries.resolve("000"), new byte[HttpTileFetcher.MAX_BODY + 1]);
        Files.write(entries.resolve("001"), new byte[HttpTileFetcher.MAX_BODY]);
        TileFetcher http = new HttpTileFetcher(serve(dir), HttpClient.newHttpClient(), Duration.ofSeconds(10));

        assertThatThrownBy(() -> http.fetch("tile/entries/000"))
                .hasMessageEndingWith("tile/entries/000: response larger than " + HttpTileFetcher.MAX_BODY + " bytes");
        assertThat(http.fetch("tile/entries/001")).hasValueSatisfying(b -> assertThat(b).hasSize(HttpTileFetcher.MAX_BODY));
    }

    /** Serves {@code root} like a static web server; entry bundles go out gzip-encoded. */
    private URI serve(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/log/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring("/log/".length())).normalize();
            try (exchange) {
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                if (root.relativize(file).startsWith("tile/entries")) {
                    body = gzip(body);
                    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/log/");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
