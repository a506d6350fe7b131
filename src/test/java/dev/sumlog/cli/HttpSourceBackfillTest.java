package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.job.BackfillRunner.RunResult;
import dev.sumlog.release.SumsFileNames;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.ListingServer;
import dev.sumlog.testing.ListingServer.Hostility;
import dev.sumlog.testing.ListingServer.Style;
import dev.sumlog.testing.Trees;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;

/**
 * Backfills over HTTP from a real server on 127.0.0.1 that serves a tree in each listing style: the sums
 * must be byte-identical to a backfill of the same tree from disk, a second run must download nothing,
 * and a hostile server gets a one-line error per bad entry while everything else completes (exit 4),
 * with no request leaving the root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpSourceBackfillTest {

    private Path shared;
    private Path tree;
    private Map<String, String> fromDisk;

    @BeforeAll
    void diskBackfill(@TempDir Path shared) throws Exception {
        this.shared = shared;
        tree = shared.resolve("tree");
        Archives.sdist(tree.resolve("openstack/nova/nova-27.0.0.tar.gz"), "nova 27");
        Trees.write(tree.resolve("openstack/nova/nova-27.0.0.tar.gz.asc"), "nova 27 signature");
        Archives.wheel(tree.resolve("openstack/nova/nova-27.0.0-py3-none-any.whl"), "nova 27 wheel");
        Archives.sdist(tree.resolve("openstack/nova/nova-26.1.0.tar.gz"), "nova 26.1");
        Archives.sdist(tree.resolve("openstack/nova/nova-master.tar.gz"), "nova master");
        Archives.sdist(tree.resolve("openstack/glance/glance-29.0.0.tar.gz"), "glance");
        Archives.sdist(tree.resolve("x/odd/odd name-1.0.tar.gz"), "a space");
        Archives.sdist(tree.resolve("x/odd/caf\u00e9-1.0.tar.gz"), "non-ASCII");
        Archives.sdist(tree.resolve("x/odd/a+b-1.0.tar.gz"), "a plus");
        Trees.write(tree.resolve("README.txt"), "not a release");
        try (InProcessBackfill job = backfill(shared.resolve("disk"), "source: " + tree + "\n")) {
            assertThat(job.runner().run().status()).isEqualTo(BatchStatus.COMPLETED);
        }
        fromDisk = sums(shared.resolve("disk/out"));
        assertThat(fromDisk).containsKeys("openstack/nova/nova-27.0.0.SHA256SUMS", "x/odd/caf\u00e9-1.0.SHA256SUMS",
                "x/odd/a+b-1.0.SHA256SUMS", "x/odd/odd name-1.0.SHA256SUMS");
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void sumsAreByteIdenticalToADiskBackfillAndASecondRunDownloadsNothing(Style style) throws Exception {
        Path dir = Files.createTempDirectory(shared, style.name());
        try (ListingServer server = new ListingServer(tree, style)) {
            try (InProcessBackfill job = backfill(dir, "source: " + server.root() + "\nhttp:\n  rate: 1000\n")) {
                RunResult first = job.runner().run();

                assertThat(first.status()).isEqualTo(BatchStatus.COMPLETED);
                assertThat(first.problems()).noneMatch(Problem::skipped);
                assertThat(first.alerts()).isEmpty();
                assertThat(sums(dir.resolve("out"))).isEqualTo(fromDisk);
                assertThat(server.fileGets()).hasSize(10).doesNotHaveDuplicates();
                assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM artifact WHERE etag IS NOT NULL"
                        + " AND last_modified IS NOT NULL AND content_length > 0", Integer.class)).isEqualTo(10);

                int downloads = server.fileGets().size();
                RunResult second = job.runner().run();

                assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
                assertThat(server.fileGets()).as("nothing downloaded again").hasSize(downloads);
                assertThat(sums(dir.resolve("out"))).isEqualTo(fromDisk);
            }
            assertThat(server.requests()).allMatch(r -> r.rawPath().startsWith(ListingServer.PREFIX));
        }
    }

    @Test
    void aHostileServerGetsOneLinePerBadEntryAndEverythingElseCompletesWithExit4() throws Exception {
        Path dir = Files.createTempDirectory(shared, "hostile");
        try (ListingServer server = new ListingServer(tree, Style.APACHE_TABLE,
                EnumSet.complementOf(EnumSet.of(Hostility.MANY_LINKS)))) {
            String job = "source: " + server.root() + "\nhttp:\n  rate: 1000\n  attempts: 2\n  read-timeout: 1s\n"
                    + "  max-depth: 4\n  headers:\n    Authorization: Bearer s3cret-token\n";
            try (InProcessBackfill run = backfill(dir, job)) {
                RunResult result = run.runner().run();

                assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
                Map<String, String> skipped = result.problems().stream().filter(Problem::skipped)
                        .collect(Collectors.toMap(Problem::path, Problem::reason, (a, b) -> a + " | " + b, TreeMap::new));
                assertThat(skipped.values()).allMatch(reason -> !reason.contains("\n") && !reason.contains("s3cret"));
                assertThat(skipped).hasEntrySatisfying("html-1.0.tar.gz", r -> assertThat(r).contains("HTML"))
                        .hasEntrySatisfying("short-1.0.tar.gz", r -> assertThat(r).contains("Content-Length"))
                        .hasEntrySatisfying("stall-1.0.tar.gz", r -> assertThat(r).contains("read timeout"))
                        .hasEntrySatisfying("moved-1.0.tar.gz", r -> assertThat(r).contains("redirect"));
                assertThat(String.join("\n", skipped.keySet()) + "\n" + String.join("\n", skipped.values()))
                        .contains("../../etc/passwd").contains("other host").contains("loop")
                        .contains("away/").contains("offsite/").contains("other port").contains("user info");
                assertThat(BackfillCommand.report(result, new PrintStream(OutputStream.nullOutputStream()),
                        dir.resolve("state"))).isEqualTo(ExitCodes.SKIPPED);
                assertThat(sums(dir.resolve("out"))).isEqualTo(fromDisk); // every real release completed
            }
            List<ListingServer.Request> requests = server.requests();
            assertThat(requests).allSatisfy(r -> {
                assertThat(r.rawPath()).startsWith(ListingServer.PREFIX);
                assertThat(r.host()).isEqualTo(server.root().getAuthority());
            });
            assertThat(requests).allMatch(r -> "Bearer s3cret-token".equals(r.authorization()));
        }
    }

    @Test
    void tenThousandLinksOnOnePageAreReadUpToTheCapAndTheRestIsReportedInOneLine() throws Exception {
        Path dir = Files.createTempDirectory(shared, "many");
        try (ListingServer server = new ListingServer(tree, Style.NGINX_JSON, EnumSet.of(Hostility.MANY_LINKS))) {
            try (InProcessBackfill run = backfill(dir, "source: " + server.root() + "\nhttp:\n  rate: 1000\n  max-links: 40\n")) {
                RunResult result = run.runner().run();

                assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
                assertThat(result.problems()).filteredOn(p -> p.reason().contains("maxLinksPerPage")).singleElement()
                        .satisfies(p -> assertThat(p.reason()).contains("only the first 40 were read"));
                assertThat(result.problems()).filteredOn(p -> p.path().startsWith("many-"))
                        .allMatch(p -> p.skipped() && p.reason().endsWith(": HTTP 404"));
                assertThat(server.fileGets()).filteredOn(p -> p.contains("/many-")).hasSizeLessThan(40);
            }
        }
    }

    /** The sums and snapshot files of an output tree (receipts name the source, so they differ by design). */
    private static Map<String, String> sums(Path out) {
        Map<String, String> all = new TreeMap<>(Trees.digests(out));
        all.keySet().removeIf(path -> path.endsWith(SumsFileNames.RECEIPT_SUFFIX));
        return all;
    }

    private static InProcessBackfill backfill(Path dir, String yaml) throws Exception {
        return InProcessBackfill.start(dir, yaml + "out: out\nstate: state\n");
    }
}
