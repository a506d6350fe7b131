package dev.sumlog.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fakes.FakeRekorV1;
import dev.sumlog.fakes.FakeRekorV2;
import dev.sumlog.submit.remote.TrustedRoots;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.FakeTsa;
import dev.sumlog.testing.InProcessCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sumlog audit} of releases logged in a fake Rekor v1 and a fake Rekor v2 (with a fake TSA),
 * all on 127.0.0.1: one backfill, copied for each test. The fakes are shared and each later test
 * changes them for good (v1 goes away, then v2 rewrites its tree), hence the order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditRekorTest {

    private static final List<String> RELEASES = List.of("alpha-1.0", "beta-1.0", "gamma-2.0");

    @TempDir
    static Path template;
    static FakeRekorV1 v1;
    static FakeRekorV2 v2;
    static FakeTsa tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void backfill() throws Exception {
        v1 = FakeRekorV1.start();
        v1.prefill(5);
        v2 = FakeRekorV2.start();
        tsa = FakeTsa.start();
        for (String release : RELEASES) {
            Archives.sdist(template.resolve("archive/openstack").resolve(release.substring(0, release.indexOf('-')))
                    .resolve(release + ".tar.gz"), release);
        }
        Path keys = template.resolve("keys");
        InProcessCli keygen = InProcessCli.run("keygen", "--out", keys.toString());
        assertThat(keygen.exitCode()).as(keygen.all()).isZero();
        Files.writeString(template.resolve("trusted_root.json"), TrustedRoots.of(v1, v2, tsa));
        Files.writeString(template.resolve("job.yml"), "source: archive\nout: out\nstate: state\narchive-id: audit-rekor\n"
                + "logs:\n"
                + "  - target: rekor-v1\n    url: " + v1.url() + "\n    trusted-root: trusted_root.json\n"
                + "    signing-key: " + keys.resolve("release.key") + "\n    rate: 200\n"
                + "  - target: rekor-v2\n    url: " + v2.url() + "\n    trusted-root: trusted_root.json\n"
                + "    signing-key: " + keys.resolve("release.key") + "\n    timestamp-url: " + tsa.url() + "\n"
                + "    rate: 200\n");
        InProcessCli run = InProcessCli.run("backfill", "--job", template.resolve("job.yml").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @AfterAll
    static void stopFakes() {
        v1.close();
        v2.close();
        tsa.close();
    }

    @BeforeEach
    void copyTheBackfill() throws IOException {
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.toList()) {
                Path to = dir.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    @Order(1)
    void bothLogsAuditCleanAndTheirCheckpointsBecomeTrusted() throws Exception {
        InProcessCli first = audit();

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("verifyReceipts: 6 receipt(s) verified, 0 invalid")
                .contains("checkLogs: " + v1.url() + " (rekor-v1): size 8, extends the 3 checkpoint(s) of its receipts")
                .contains("checkLogs: " + v2.url() + " (rekor-v2): size 3, extends the ")
                .contains("checkEntries: 6 entries checked, 0 changed")
                .endsWith("audit complete: 6 receipts, 6 entries, 2 logs checked, 0 alert(s)\n");
        assertThat(query("SELECT COUNT(*) FROM log_checkpoint WHERE verified_at IS NOT NULL")).isEqualTo("2");

        InProcessCli second = audit();
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("checkLogs: " + v1.url() + " (rekor-v1): size 8, extends the trusted checkpoint")
                .contains("checkLogs: " + v2.url() + " (rekor-v2): size 3, extends the trusted checkpoint");
    }

    @Test
    @Order(2)
    void anEditedBundleIsAnAlertNamingIt() throws Exception {
        Path bundle = dir.resolve("out/openstack/beta/beta-1.0.SHA256SUMS.sigstore.json");
        String json = Files.readString(bundle);
        Matcher index = Pattern.compile("\"logIndex\"\\s*:\\s*\"(\\d+)\"").matcher(json);
        assertThat(index.find()).as(json).isTrue();
        Files.writeString(bundle, json.substring(0, index.start(1)) + (Long.parseLong(index.group(1)) + 1)
                + json.substring(index.end(1)));

        InProcessCli run = audit();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.lines("ALERT: ")).as(run.all()).hasSize(1).allSatisfy(line -> assertThat(line).startsWith(
                "ALERT: RECEIPT_INVALID: openstack/beta/beta-1.0.SHA256SUMS.sigstore.json: " + v1.url() + ": "));
        assertThat(run.out()).contains("verifyReceipts: 6 receipt(s) verified, 1 invalid");
    }

    @Test
    @Order(3)
    void aLogOutOfReachIsOneLineNamingItAndExit1WithoutAlert() throws Exception {
        v1.close();

        InProcessCli run = audit();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.lines("checkLogs: cannot check " + v1.url() + ": ")).as(run.all()).hasSize(1);
        assertThat(run.out() + run.err()).as("no stack trace").doesNotContain("ALERT").doesNotContain("\tat ")
                .contains("checkLogs: " + v2.url() + " (rekor-v2): size 3")
                .contains("audit incomplete: 6 receipts, 3 entries, 1 logs checked, 0 alert(s), 1 not checked");
    }

    @Test
    @Order(4)
    void aRekorV2TreeRewrittenUnderTheSameKeyIsAnAlertNamingTheLog() throws Exception {
        InProcessCli before = audit();
        assertThat(before.out()).as(before.all()).contains("checkLogs: " + v2.url() + " (rekor-v2): size 3");
        v2.rewriteHistory(entries -> {
            List<byte[]> forged = new ArrayList<>(entries);
            forged.set(0, "{\"forged\":true}".getBytes(StandardCharsets.UTF_8));
            forged.add("{\"later\":true}".getBytes(StandardCharsets.UTF_8));
            return forged;
        });

        InProcessCli run = audit();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.lines("ALERT: LOG_FORKED: " + v2.url() + ": size 4 with root ")).as(run.all()).hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("does not extend the trusted checkpoint has size 3"));
    }

    private InProcessCli audit() {
        return InProcessCli.run("audit", "--job", dir.resolve("job.yml").toString());
    }

    private String query(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("state/catalog"), "sa", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
