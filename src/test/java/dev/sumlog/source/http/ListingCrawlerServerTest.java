package dev.sumlog.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.source.TreeOrder;
import dev.sumlog.testing.ListingServer;
import dev.sumlog.testing.ListingServer.Hostility;
import dev.sumlog.testing.ListingServer.Style;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** End to end: the SMALL fixture served in each listing style by a real HTTP server, crawled over HTTP. */
class ListingCrawlerServerTest {

    @TempDir
    static Path tree;
    /** Relative path to size of every file a listing shows: dotfiles are hidden by both servers. */
    static Map<String, Long> listed;
    static int directories;

    @BeforeAll
    static void generate() throws IOException {
        Assumptions.assumeTrue(FixtureGenerator.canEncodeUtf8FileNames(), "skipped: file names are not UTF-8 here");
        FixtureGenerator.generate(tree, Tier.SMALL, 7);
        listed = new TreeMap<>(TreeOrder::compare);
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.toList()) {
                String relative = StreamSupport.stream(tree.relativize(p).spliterator(), false).map(Path::toString)
                        .reduce((a, b) -> a + "/" + b).orElse("");
                if (relative.isEmpty() || relative.startsWith(".") || relative.contains("/.")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    directories++;
                } else {
                    listed.put(relative, Files.size(p));
                }
            }
        }
        assertThat(listed.keySet()).contains("x/oddnames/odd\nname-1.0.tar.gz", "x/oddnames/caf\u00e9-1.0.tar.gz",
                "x/oddnames/odd\\name-1.0.tar.gz", "x/oddnames/odd name-1.0.tar.gz");
        assertThat(listed.keySet()).anyMatch(name -> name.contains("+"));
    }

    private static List<CrawledRemoteFile> crawl(ListingServer server, CrawlBounds bounds, HttpFetchSettings settings) {
        RootScope scope = new RootScope(server.root());
        ListingCrawler crawler = new ListingCrawler(scope, new HttpPageFetcher(scope, settings), bounds);
        List<CrawledRemoteFile> items = new ArrayList<>();
        crawler.forEachRemaining(items::add);
        return items;
    }

    private static List<CrawledRemoteFile> crawl(ListingServer server) {
        return crawl(server, new CrawlBounds(8, 1000, 10_000), HttpFetchSettings.defaults());
    }

    private static List<String> paths(List<CrawledRemoteFile> items) {
        return items.stream().filter(CrawledRemoteFile::isRegular).map(CrawledRemoteFile::path).toList();
    }

    private static List<String> problems(List<CrawledRemoteFile> items) {
        return items.stream().filter(i -> !i.isRegular()).map(CrawledRemoteFile::toString).toList();
    }

    private static void assertNothingLeftTheRoot(ListingServer server) {
        String host = server.root().getAuthority();
        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.rawPath()).startsWith(ListingServer.PREFIX).doesNotContain("..").doesNotContainIgnoringCase("%2e");
            assertThat(r.host()).isEqualTo(host);
        });
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void crawlingEachStyleFindsExactlyTheFilesOnDiskInTreeOrder(Style style) {
        try (ListingServer server = new ListingServer(tree, style)) {
            List<CrawledRemoteFile> items = crawl(server);
            assertThat(problems(items)).isEmpty();
            assertThat(paths(items)).containsExactlyElementsOf(listed.keySet());
            for (CrawledRemoteFile file : items) {
                if (file.size().isPresent()) {
                    assertThat(file.size().getAsLong()).as(file.path()).isEqualTo(listed.get(file.path()));
                }
                assertThat(file.url().toString()).startsWith(server.root().toString());
            }
            long sized = items.stream().filter(i -> i.size().isPresent()).count();
            switch (style) {
                case NGINX_HTML, NGINX_JSON -> assertThat(sized).isEqualTo(listed.size());
                case APACHE_PLAIN -> assertThat(sized).isZero();
                default -> assertThat(sized).isBetween(1L, (long) listed.size() - 1); // only sizes under 973 bytes are exact
            }
            // One GET per directory, the root included, and nothing else.
            assertThat(server.requests()).hasSize(directories + 1).allMatch(r -> r.method().equals("GET") && r.rawPath().endsWith("/"));
            assertNothingLeftTheRoot(server);
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void hostileLinksAreEachReportedOnOneLineAndNeverRequested(Style style) {
        EnumSet<Hostility> hostile = EnumSet.of(Hostility.OTHER_HOSTS, Hostility.ESCAPES, Hostility.QUERY_LINKS,
                Hostility.SELF_LOOP, Hostility.REDIRECTS);
        try (ListingServer server = new ListingServer(tree, style, hostile)) {
            List<CrawledRemoteFile> items = crawl(server);
            assertThat(paths(items)).containsExactlyElementsOf(listed.keySet()); // alias/ is openstack/ again: no duplicates
            List<String> problems = problems(items);
            assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContain("\n", "\r"));
            assertThat(problems).anyMatch(p -> p.contains("not listed: deeper than maxDepth 8"));
            assertThat(problems).anyMatch(p -> p.startsWith("away/: listing not read:") && p.contains("redirect refused"));
            assertThat(problems).anyMatch(p -> p.startsWith("offsite/: listing not read:") && p.contains("other host 'localhost'"));
            if (style == Style.NGINX_JSON) {
                assertThat(problems).anyMatch(p -> p.contains("entry named '..'"))
                        .anyMatch(p -> p.startsWith("../../etc/passwd: name contains '/' or NUL"));
            } else {
                assertThat(problems).anyMatch(p -> p.startsWith("../../etc/passwd: '..' escapes above the server root"))
                        .anyMatch(p -> p.contains("other host 'localhost'"))
                        .anyMatch(p -> p.contains("other scheme 'https'"))
                        .anyMatch(p -> p.contains("other scheme 'ftp'"))
                        .anyMatch(p -> p.contains("other scheme 'javascript'"))
                        .anyMatch(p -> p.contains("other port"))
                        .anyMatch(p -> p.contains("user info"))
                        .anyMatch(p -> p.startsWith("..\\..\\etc\\: backslash in link"))
                        .anyMatch(p -> p.contains("/etc/: leads to outside the root"))
                        .anyMatch(p -> p.startsWith("..%2f..%2fetc/: encoded '/'"))
                        .anyMatch(p -> p.startsWith("openstack//nova/: empty path segment"))
                        .anyMatch(p -> p.startsWith("bad-%FF%FE.tar.gz") && p.contains("not valid UTF-8"))
                        .anyMatch(p -> p.startsWith("x.tar.gz?download=1: link with a query string"))
                        .anyMatch(p -> p.startsWith("./: link to this listing itself"));
                // Sort links are the index's own navigation: ignored without a report, and never requested.
                assertThat(problems).noneMatch(p -> p.startsWith("?C="));
            }
            assertNothingLeftTheRoot(server);
            assertThat(server.requests()).noneMatch(r -> r.rawPath().contains("/etc/"));
            long loopRequests = server.requests().stream().filter(r -> r.rawPath().contains("/loop/")).count();
            assertThat(loopRequests).isEqualTo(8); // loop/ .. loop/x8/, then the depth bound stops it
        }
    }

    @Test
    void tenThousandLinksOnOnePageAreCappedWithAReason() {
        try (ListingServer server = new ListingServer(tree, Style.APACHE_TABLE, EnumSet.of(Hostility.MANY_LINKS))) {
            List<CrawledRemoteFile> items = crawl(server, CrawlBounds.DEFAULTS, HttpFetchSettings.defaults());
            assertThat(problems(items)).singleElement().asString()
                    .matches("http://127\\.0\\.0\\.1:\\d+/mirror/: listing has 100\\d\\d links; only the first 10000 were read "
                            + "\\(maxLinksPerPage\\) \\(in listing \\(root\\)\\)");
            assertThat(paths(items).stream().filter(p -> p.startsWith("many-"))).hasSizeLessThan(10_000);
            assertThat(server.requests()).noneMatch(r -> r.rawPath().contains("many-"));
        }
    }

    @Test
    void thePageLimitStopsTheCrawlAndSaysWhere() {
        try (ListingServer server = new ListingServer(tree, Style.NGINX_HTML)) {
            List<CrawledRemoteFile> items = crawl(server, new CrawlBounds(8, 3, 100), HttpFetchSettings.defaults());
            assertThat(server.requests()).hasSize(3);
            assertThat(problems(items)).isNotEmpty().allMatch(p -> p.endsWith(": not listed: page limit maxPages 3 reached"));
        }
    }

    @Test
    void secretHeadersAreSentOnlyInsideTheRootAndNeverPrinted() {
        String secret = "Bearer s3cret-token";
        HttpFetchSettings settings = HttpFetchSettings.defaults().withHeaders(Map.of("Authorization", secret));
        assertThat(settings.toString()).contains("Authorization=***").doesNotContain("s3cret");
        try (ListingServer server = new ListingServer(tree, Style.APACHE_FANCY, EnumSet.of(Hostility.REDIRECTS, Hostility.OTHER_HOSTS))) {
            List<CrawledRemoteFile> items = crawl(server, new CrawlBounds(8, 1000, 10_000), settings);
            assertThat(problems(items)).isNotEmpty().noneMatch(p -> p.contains("s3cret"));
            assertThat(server.requests()).allMatch(r -> secret.equals(r.authorization()));
            assertNothingLeftTheRoot(server);
        }
    }

    @Test
    void aListingOverTheBodyCapIsRefused() {
        try (ListingServer server = new ListingServer(tree, Style.APACHE_TABLE)) {
            List<CrawledRemoteFile> items = crawl(server, CrawlBounds.DEFAULTS, HttpFetchSettings.defaults().withMaxBodyBytes(600));
            assertThat(problems(items)).singleElement().asString()
                    .startsWith("(root): listing not read: GET " + server.root() + ": listing of ")
                    .endsWith("bytes is over the 600-byte cap");
            assertThat(paths(items)).isEmpty();
        }
    }

    @Test
    void anUnreachableServerIsOneSkippedItem() {
        URI root;
        try (ListingServer server = new ListingServer(tree, Style.APACHE_TABLE)) {
            root = server.root();
        }
        RootScope scope = new RootScope(root);
        List<CrawledRemoteFile> items = new ArrayList<>();
        new ListingCrawler(scope, new HttpPageFetcher(scope, HttpFetchSettings.defaults()), CrawlBounds.DEFAULTS)
                .forEachRemaining(items::add);
        assertThat(problems(items)).singleElement().asString().startsWith("(root): listing not read: GET " + root + ": ");
    }
}
