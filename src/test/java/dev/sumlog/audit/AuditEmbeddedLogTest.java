package dev.sumlog.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.Archives;
import dev.sumlog.testing.InProcessCli;
import dev.sumlog.tlog.note.NoteKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sumlog audit} over a real backfill of a small archive into the embedded log (one backfill, in
 * this JVM, copied for each test): a clean archive, then each way the log, a receipt, an entry or an
 * archived file can change behind sumlog's back, each tampered with as an attacker holding the files
 * (and the log's key) would.
 */
class AuditEmbeddedLogTest {

    private static final List<String> RELEASES = List.of("alpha-1.0", "beta-1.0", "gamma-2.0", "delta-0.1");
    private static final String JOB = "source: archive\nout: out\nstate: state\narchive-id: audit-test\n";

    @TempDir
    static Path template;

    @TempDir
    Path dir;

    @BeforeAll
    static void backfill() throws IOException {
        for (String release : RELEASES) {
            String project = release.substring(0, release.indexOf('-'));
            Path folder = template.resolve("archive/openstack").resolve(project);
            Archives.sdist(folder.resolve(release + ".tar.gz"), release);
            Archives.wheel(folder.resolve(release + "-py3-none-any.whl"), release);
        }
        Path job = Files.writeString(template.resolve("job.yml"), JOB);
        InProcessCli run = InProcessCli.run("backfill", "--job", job.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @BeforeEach
    void copyTheBackfill() throws IOException {
        for (String part : List.of("archive", "out", "state")) {
            Path from = template.resolve(part);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = dir.resolve(part).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        Files.writeString(dir.resolve("job.yml"), JOB);
    }

    @Test
    void aCleanArchiveAuditsCleanAndItsCheckpointIsKeptAsVerified() throws Exception {
        InProcessCli run = audit();

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).doesNotContain("ALERT").contains("verifyReceipts: 4 receipt(s) verified, 0 invalid")
                .contains("checkEntries: 4 entries checked, 0 changed")
                .endsWith("audit complete: 4 receipts, 4 entries, 1 logs checked, 0 alert(s)\n");
        assertThat(query("SELECT COUNT(*) FROM log_checkpoint WHERE tree_size = 4 AND verified_at IS NOT NULL"))
                .isEqualTo("1");
        assertThat(query("SELECT COUNT(*) FROM alert")).isEqualTo("0");
        assertThat(query("SELECT COUNT(DISTINCT job_instance_id) FROM batch_job_instance WHERE job_name = 'audit'"))
                .isEqualTo("1");

        InProcessCli again = audit();
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("size 4, extends the trusted checkpoint (size 4)");
        assertThat(query("SELECT COUNT(*) FROM batch_job_instance WHERE job_name = 'audit'"))
                .as("each audit is a run of its own").isEqualTo("2");
    }

    @Test
    void aForkedLogSignedWithTheSameKeyIsAnAlertRaisedOnce() throws Exception {
        assertThat(audit().exitCode()).isZero();
        String trusted = query("SELECT root_hash FROM log_checkpoint");
        LogTampering.rewrite(state(), log(), LogTampering.replacing(1,
                "sumlog.dev/release/v1\nsource forged\n".getBytes(StandardCharsets.UTF_8)));

        InProcessCli forked = audit();
        assertThat(forked.exitCode()).as(forked.all()).isEqualTo(3);
        assertThat(forked.lines("ALERT: LOG_FORKED: " + log() + ": at size 4 the root is ")).as(forked.all()).hasSize(1);
        assertThat(query("SELECT root_hash FROM log_checkpoint")).as("the forked head is not trusted").isEqualTo(trusted);

        InProcessCli again = audit();
        assertThat(again.exitCode()).as(again.all()).isEqualTo(3);
        assertThat(again.lines("ALERT: ")).as(again.all()).isEmpty();
        assertThat(again.out()).contains("still open (alert ").contains("LOG_FORKED: " + log());
        assertThat(query("SELECT COUNT(*) FROM alert WHERE kind = 'LOG_FORKED'")).isEqualTo("1");

        update("UPDATE alert SET acknowledged_at = CURRENT_TIMESTAMP, ack_reason = 'test'");
        InProcessCli acknowledged = audit();
        assertThat(acknowledged.exitCode()).as(acknowledged.all()).isZero();
        assertThat(acknowledged.out()).contains("acknowledged (alert ").contains("LOG_FORKED: " + log());
    }

    @Test
    void aRolledBackLogSignedWithTheSameKeyIsAnAlert() throws Exception {
        LogTampering.rewrite(state(), log(), LogTampering.keepingFirst(3));

        InProcessCli run = audit();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.lines("ALERT: LOG_ROLLED_BACK: " + log() + ": size 3 with root ")).as(run.all()).hasSize(1);
        assertThat(run.out()).contains("is smaller than the trusted checkpoint has size 4");
    }

    @Test
    void anEntryWhoseBytesChangedInItsBundleIsAnAlertNamingTheRelease() throws Exception {
        Path bundle = log().resolve("tile/entries/000.p/4");
        byte[] bytes = Files.readAllBytes(bundle);
        bytes[bytes.length - 2] ^= 1;
        Files.write(bundle, bytes);

        InProcessCli run = audit();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.lines("ALERT: ENTRY_CHANGED: ")).as(run.all()).hasSize(1).allSatisfy(line ->
                assertThat(line).matches("ALERT: ENTRY_CHANGED: openstack/\\w+/[\\w.-]+\\.SHA256SUMS: " + log()
                        + ": entry 3: .*does not match the checkpoint.*"));
    }

    @Test
    void anEditedReceiptIsAnAlertNamingIt() throws Exception {
        Path receipt = dir.resolve("out/openstack/beta/beta-1.0.SHA256SUMS.tlog-proof");
        List<String> lines = Files.readAllLines(receipt);
        int hash = lines.indexOf(lines.stream().filter(l -> l.startsWith("index ")).findFirst().orElseThrow()) + 1;
        String line = lines.get(hash);
        lines.set(hash, (line.charAt(0) == 'A' ? "B" : "A") + line.substring(1));
        Files.write(receipt, lines);

        InProcessCli run = audit();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.lines("ALERT: ")).as(run.all()).hasSize(1).allSatisfy(alert -> assertThat(alert).startsWith(
                "ALERT: RECEIPT_INVALID: openstack/beta/beta-1.0.SHA256SUMS.tlog-proof: " + log() + ": inclusion of entry "));
    }

    @Test
    void rehashingEverythingFindsTheOneFlippedByte() throws Exception {
        Path sdist = dir.resolve("archive/openstack/gamma/gamma-2.0.tar.gz");
        byte[] bytes = Files.readAllBytes(sdist);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(sdist, bytes);

        InProcessCli run = audit("--rehash", "100");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.lines("ALERT: ")).as(run.all()).hasSize(1).allSatisfy(line -> assertThat(line)
                .startsWith("ALERT: REHASH_MISMATCH: openstack/gamma/gamma-2.0.tar.gz: catalog sha256 "));
        assertThat(run.out()).contains("rehash: 8 of 8 release file(s) read again (100%), 1 changed, 0 missing")
                .contains(", 8 files re-read, 1 alert(s)");
    }

    @Test
    void aLogKeyReplacedByAnotherOneIsAnAlert() throws Exception {
        Files.writeString(state().resolve("log-signer.key"), NoteKeys.generate("sumlog.invalid/log").signerKey() + "\n");

        InProcessCli run = audit();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.lines("ALERT: LOG_KEY_CHANGED: " + log() + ": the trusted checkpoint kept in the catalog does "
                + "not verify with the log's key sumlog.invalid/log+")).as(run.all()).hasSize(1);
    }

    @Test
    void aMissingLogKeyIsOneLineAndExit2() throws Exception {
        Files.delete(state().resolve("log-signer.key"));

        InProcessCli run = audit();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err().lines().toList()).as(run.all()).hasSize(1).allSatisfy(line ->
                assertThat(line).startsWith("sumlog: the embedded log cannot be audited: no log key in "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "x", "1e2", "NaN"})
    void aRehashShareOutsideZeroToAHundredIsOneLineAndExit2(String percent) {
        InProcessCli run = InProcessCli.run("audit", "--job", dir.resolve("job.yml").toString(), "--rehash", percent);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("sumlog: --rehash: expected a percentage above 0 and at most 100, got \""
                + percent + "\"\n");
    }

    private InProcessCli audit(String... options) {
        String[] args = Stream.concat(Stream.of("audit", "--job", dir.resolve("job.yml").toString()), Stream.of(options))
                .toArray(String[]::new);
        return InProcessCli.run(args);
    }

    private Path state() {
        return dir.resolve("state");
    }

    private Path log() {
        return state().resolve("log");
    }

    private void update(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + state().resolve("catalog"), "sa", "")) {
            db.createStatement().executeUpdate(sql);
        }
    }

    private String query(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + state().resolve("catalog"), "sa", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
