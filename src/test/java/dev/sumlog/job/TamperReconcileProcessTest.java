package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly reconcile after a backfill, against an archive tampered with in every way the issue
 * names (real child JVMs): exactly the expected alerts, the new release logged, exit 3; the next
 * reconcile raises nothing new; {@code --accept} logs the accepted change as a superseding entry.
 */
class TamperReconcileProcessTest {

    private static final Pattern ALERT = Pattern.compile("(?m)^ALERT: ([A-Z_]+): (\\S+): ");
    private static final String NOVA = "openstack/nova/";

    @TempDir
    Path dir;

    @Test
    void reconcileRaisesExactlyTheExpectedAlertsOnceAndAcceptLogsTheChange() throws Exception {
        Path archive = dir.resolve("archive");
        FixtureGenerator.generate(archive, Tier.SMALL, 1);
        SumlogProcess.Result backfill = run("backfill");
        assertThat(backfill.exitCode()).as(backfill.output()).isZero();
        Path out = dir.resolve("out");
        byte[] publishedSums27 = Files.readAllBytes(out.resolve(NOVA + "nova-27.0.0.SHA256SUMS"));
        String snapshotBefore = Files.readString(out.resolve(NOVA + "_mutable.SHA256SUMS.snapshot"));

        flipOneByte(archive.resolve(NOVA + "nova-27.0.0.tar.gz"));
        Files.delete(archive.resolve(NOVA + "nova-26.0.0-py3-none-any.whl"));
        Files.writeString(archive.resolve(NOVA + "nova-27.1.0.tar.gz.asc"),
                "-----BEGIN PGP SIGNATURE-----\n\nsomeone else's\n-----END PGP SIGNATURE-----\n");
        Archives.sdist(archive.resolve(NOVA + "nova-master.tar.gz"), "tonight's branch build");
        Files.writeString(out.resolve(NOVA + "nova-2014.1.SHA256SUMS"),
                "0000000000000000000000000000000000000000000000000000000000000000  evil.tar.gz\n",
                java.nio.file.StandardOpenOption.APPEND);
        Archives.sdist(archive.resolve(NOVA + "nova-28.0.0.tar.gz"), "a new release");

        SumlogProcess.Result first = run("reconcile", "--run-id", "first");

        assertThat(first.exitCode()).as(first.output()).isEqualTo(3);
        assertThat(alerts(first.output())).containsExactlyInAnyOrder(
                "ARTIFACT_CHANGED " + NOVA + "nova-27.0.0.tar.gz",
                "FLAGGED_ARCHIVE " + NOVA + "nova-27.0.0.tar.gz",              // the flipped byte breaks its gzip CRC
                "RELEASE_CHANGED_AFTER_LOGGING " + NOVA + "nova-27.0.0.SHA256SUMS",
                "ARTIFACT_GONE " + NOVA + "nova-26.0.0-py3-none-any.whl",
                "RELEASE_CHANGED_AFTER_LOGGING " + NOVA + "nova-26.0.0.SHA256SUMS",
                "ARTIFACT_CHANGED " + NOVA + "nova-27.1.0.tar.gz.asc",
                "RELEASE_CHANGED_AFTER_LOGGING " + NOVA + "nova-27.1.0.SHA256SUMS",
                "OUTPUT_CHANGED " + NOVA + "nova-2014.1.SHA256SUMS");
        // The published claims stand; the branch tarball only moved the snapshot; the new release is logged.
        assertThat(Files.readAllBytes(out.resolve(NOVA + "nova-27.0.0.SHA256SUMS"))).isEqualTo(publishedSums27);
        assertThat(Files.readString(out.resolve(NOVA + "nova-2014.1.SHA256SUMS"))).contains("evil.tar.gz");
        assertThat(Files.readString(out.resolve(NOVA + "_mutable.SHA256SUMS.snapshot"))).isNotEqualTo(snapshotBefore)
                .contains("nova-master.tar.gz");
        assertThat(Files.readString(out.resolve(NOVA + "nova-28.0.0.SHA256SUMS"))).contains("nova-28.0.0.tar.gz");
        assertThat(out.resolve(NOVA + "nova-28.0.0.SHA256SUMS.tlog-proof")).isRegularFile();
        assertThat(loggedEntries()).filteredOn(e -> e.contains("release " + NOVA + "nova-28.0.0\n")).hasSize(1);
        assertSha256sumPasses(out.resolve(NOVA + "nova-28.0.0.SHA256SUMS"), archive.resolve(NOVA));

        SumlogProcess.Result second = run("reconcile", "--run-id", "second");

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(alerts(second.output())).isEmpty();
        assertThat(second.output()).contains("8 alert(s) from earlier runs not acknowledged yet");

        SumlogProcess.Result sameDay = run("reconcile", "--run-id", "second");
        assertThat(sameDay.exitCode()).as(sameDay.output()).isZero();
        assertThat(sameDay.output()).contains("reconcile second already ran").doesNotContain("crawl:");

        int entriesBefore = loggedEntries().size();
        SumlogProcess.Result accepted = run("reconcile", "--accept", NOVA + "nova-27.0.0",
                "--reason", "rebuilt by the release team, ticket 4711");

        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
        assertThat(accepted.output()).contains("accepted the change of " + NOVA + "nova-27.0.0")
                .contains("2 alert(s) acknowledged");
        List<String> entries = loggedEntries();
        assertThat(entries).hasSize(entriesBefore + 1);
        List<String> nova27 = entries.stream().filter(e -> e.contains("release " + NOVA + "nova-27.0.0\n")).toList();
        assertThat(nova27).hasSize(2);
        String superseded = field(nova27.get(0), "sums-sha256");
        assertThat(nova27.get(0)).doesNotContain("supersedes");
        assertThat(nova27.get(1)).endsWith("supersedes " + superseded + "\n");
        assertThat(Trees.sha256(out.resolve(NOVA + "nova-27.0.0.SHA256SUMS"))).isEqualTo(field(nova27.get(1), "sums-sha256"));
        assertSha256sumPasses(out.resolve(NOVA + "nova-27.0.0.SHA256SUMS"), archive.resolve(NOVA));
        assertThat(logTreeSize()).isEqualTo(entries.size());
        try (Connection db = catalog(); ResultSet rs = db.createStatement().executeQuery(
                "SELECT reason, superseded_sha256 FROM release_acceptance")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("rebuilt by the release team, ticket 4711");
            assertThat(rs.getString(2)).isEqualTo(superseded);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void acceptRefusesAReleaseWithoutAChangeAndAnUnknownOne() throws Exception {
        FixtureGenerator.generate(dir.resolve("archive"), Tier.SMALL, 1);
        assertThat(run("backfill").exitCode()).isZero();

        SumlogProcess.Result unchanged = run("reconcile", "--accept", NOVA + "nova-27.0.0", "--reason", "x");
        SumlogProcess.Result unknown = run("reconcile", "--accept", "no/such-1.0", "--reason", "x");
        SumlogProcess.Result noReason = run("reconcile", "--accept", NOVA + "nova-27.0.0");

        assertThat(unchanged.exitCode()).isEqualTo(2);
        assertThat(unchanged.output()).contains("release '" + NOVA + "nova-27.0.0' has no change to accept")
                .doesNotContain("Exception");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("no release 'no/such-1.0'");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.output()).contains("--accept needs --reason");
    }

    private SumlogProcess.Result run(String command, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(command, "--source", "archive", "--out", "out", "--state", "state"));
        args.addAll(List.of(more));
        return SumlogProcess.run(dir, args.toArray(String[]::new));
    }

    private static List<String> alerts(String output) {
        List<String> found = new ArrayList<>();
        Matcher m = ALERT.matcher(output);
        while (m.find()) {
            found.add(m.group(1) + " " + m.group(2));
        }
        return found;
    }

    private static void flipOneByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }

    /** The entries the catalog recorded as logged, in log order. */
    private List<String> loggedEntries() throws Exception {
        List<String> entries = new ArrayList<>();
        try (Connection db = catalog(); ResultSet rs = db.createStatement().executeQuery(
                "SELECT entry FROM submission WHERE state = 'LOGGED' ORDER BY log_index")) {
            while (rs.next()) {
                entries.add(rs.getString(1));
            }
        }
        return entries;
    }

    private long logTreeSize() throws Exception {
        return Long.parseLong(Files.readAllLines(dir.resolve("state/log/checkpoint"), StandardCharsets.UTF_8).get(1));
    }

    private static String field(String entry, String name) {
        return entry.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow().substring(name.length() + 1);
    }

    private Connection catalog() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("state/catalog"), "sa", "");
    }

    private static void assertSha256sumPasses(Path sums, Path releaseDir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sha256sum")), "GNU sha256sum not installed");
        Process check = new ProcessBuilder("sha256sum", "-c", "--strict", sums.toString())
                .directory(releaseDir.toFile()).redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as("sha256sum -c %s:%n%s", sums, said).isZero();
    }
}
