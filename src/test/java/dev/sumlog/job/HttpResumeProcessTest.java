package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.Archives;
import dev.sumlog.testing.ListingServer;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill over HTTP, SIGKILLed in the middle of a download and run again with the same command:
 * the server's request log shows that no file committed before the kill is downloaded again, and the
 * outputs are byte-identical to an uninterrupted run's.
 */
class HttpResumeProcessTest {

    private static final int RELEASES = 24;

    @TempDir
    static Path shared;
    static Path tree;
    static Map<String, String> reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void cleanRun() throws Exception {
        tree = shared.resolve("tree");
        for (int i = 0; i < RELEASES; i++) {
            Archives.sdist(tree.resolve("openstack/p" + (i % 3) + "/p" + (i % 3) + "-1." + i + ".tar.gz"), "release " + i);
            Archives.wheel(tree.resolve("openstack/p" + (i % 3) + "/p" + (i % 3) + "-1." + i + "-py3-none-any.whl"), "wheel " + i);
        }
        try (ListingServer server = new ListingServer(tree, ListingServer.Style.APACHE_TABLE)) {
            SumlogProcess.Result clean = SumlogProcess.run(shared, args(shared, server));
            assertThat(clean.exitCode()).as(clean.output()).isZero();
        }
        reference = Trees.digests(shared.resolve("out"));
        assertThat(reference).hasSize(2 * RELEASES); // sums and receipt per release
    }

    @Test
    void sigkillMidDownloadThenSameCommandResumesWithoutDownloadingCommittedFilesAgain() throws Exception {
        // Same log key as the clean run (Ed25519 signing is deterministic), so even receipts must match.
        Files.createDirectories(dir.resolve("state"));
        Files.copy(shared.resolve("state/log-signer.key"), dir.resolve("state/log-signer.key"));
        try (ListingServer server = new ListingServer(tree, ListingServer.Style.APACHE_TABLE)) {
            server.hangAfterFiles(RELEASES);
            SumlogProcess first = SumlogProcess.start(dir, List.of(), false, args(dir, server));
            assertThat(server.awaitHanging(Duration.ofMinutes(2))).as("a download hung").isTrue();
            Thread.sleep(500); // let the chunk before the hung file commit, if it is going to
            first.sigkill();
            Set<String> committed = committed();
            assertThat(committed).isNotEmpty().hasSizeLessThan(2 * RELEASES);
            int before = server.fileGets().size();

            server.hangAfterFiles(Integer.MAX_VALUE);
            SumlogProcess.Result resumed = SumlogProcess.start(dir, List.of(), false, args(dir, server))
                    .await(Duration.ofMinutes(3));

            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertThat(resumed.output()).containsPattern("recovering run 1 \\(execution \\d+ left STARTED");
            List<String> again = new ArrayList<>();
            for (String raw : server.fileGets().subList(before, server.fileGets().size())) {
                again.add(URLDecoder.decode(raw.substring(ListingServer.PREFIX.length()), StandardCharsets.UTF_8));
            }
            Set<String> downloadedTwice = new HashSet<>(again);
            downloadedTwice.retainAll(committed);
            assertThat(downloadedTwice).as("committed files downloaded again").isEmpty();
            assertThat(new HashSet<>(again)).as("every other file downloaded").hasSize(2 * RELEASES - committed.size());
            assertThat(Trees.digests(dir.resolve("out"))).isEqualTo(reference);
        }
    }

    private Set<String> committed() throws Exception {
        Set<String> paths = new HashSet<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("state/catalog"), "sa", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT path FROM artifact WHERE state = 'HASHED'")) {
            while (rs.next()) {
                paths.add(rs.getString(1));
            }
        }
        return paths;
    }

    /** One download at a time, two per chunk, no rate limit worth the name; entries name a fixed public URL (the port varies). */
    private static String[] args(Path dir, ListingServer server) throws Exception {
        Path job = Files.writeString(dir.resolve("job.yml"), "http:\n  concurrency: 1\n  rate: 1000\n");
        return new String[] {"backfill", "--job", job.toString(), "--source", server.root().toString(),
                "--out", dir.resolve("out").toString(), "--state", dir.resolve("state").toString(),
                "--chunk-size", "2", "--threads", "1", "--public-url", "https://tarballs.example/openstack/"};
    }
}
