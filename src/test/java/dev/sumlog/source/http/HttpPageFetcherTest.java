package dev.sumlog.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The listing fetcher against a real server on 127.0.0.1: a listing body that stalls cannot hang the crawl. */
class HttpPageFetcherTest {

    @Test
    void aListingWhoseBodyStallsIsAbandonedAfterTheRequestTimeoutNamingTheUrl() throws Exception {
        byte[] page = "<html><body><a href=\"x-1.0.tar.gz\">x</a>".getBytes(StandardCharsets.UTF_8);
        try (DownloadTestServer server = new DownloadTestServer()) {
            server.route("/mirror/", (exchange, call) -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, page.length * 2L);
                exchange.getResponseBody().write(page);
                exchange.getResponseBody().flush();
                Thread.sleep(30_000); // interrupted when the server closes
            });
            RootScope scope = new RootScope(server.url("/mirror/"));
            HttpFetchSettings defaults = HttpFetchSettings.defaults();
            HttpFetchSettings oneSecond = new HttpFetchSettings(defaults.connectTimeout(), Duration.ofSeconds(1),
                    defaults.userAgent(), defaults.headers(), defaults.proxy(), defaults.maxBodyBytes(),
                    defaults.maxRedirects());
            long start = System.nanoTime();

            assertThatThrownBy(() -> new HttpPageFetcher(scope, oneSecond).fetch(scope.root()))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("GET " + scope.root() + ": listing body: ")
                    .hasMessageContaining("no data for 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }
}
