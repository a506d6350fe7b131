package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.InProcessCli;
import dev.sumlog.testing.SumlogProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status --alerts} and {@code ack} on the catalog of a real (small, in-process) backfill whose
 * run raised three alerts; each test works on its own copy of that state.
 */
class AlertCommandsTest {

    private static final String ISO_SECOND = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;
    Path state;

    @BeforeAll
    static void backfillThatRaisedAlerts() throws Exception {
        Archives.sdist(shared.resolve("archive/a/x-1.0.tar.gz"), "x");
        Archives.sdist(shared.resolve("archive/b/z-2.0.tar.gz"), "z");
        try (InProcessBackfill backfill = InProcessBackfill.start(shared,
                "source: archive\nout: out\nstate: state\narchive-id: alerts\n")) {
            long run = backfill.runner().run().runId();
            AlertRepository alerts = new AlertRepository(backfill.jdbc());
            alerts.raise(run, "BAD_SIGNATURE", "a/x-1.0.tar.gz", "a/x-1.0.tar.gz.asc: BAD, key 0123ABCD");
            alerts.raise(run, "RELEASE_CHANGED_AFTER_LOGGING", "a/y-1.0.SHA256SUMS", "y-1.0.tar.gz: sha256 aa -> bb\nforged line");
            alerts.raise(run, "BAD_SIGNATURE", "b/z\n2.0.tar.gz", "bad");
        }
    }

    @BeforeEach
    void ownCopyOfTheState() throws IOException {
        state = dir.resolve("state");
        copy(shared.resolve("state"), state);
        // The lock file keeps its last holder's pid; a holder started below is awaited by its own.
        Files.delete(state.resolve(StateLock.FILE));
    }

    @Test
    void statusSummarizesTheOpenAlertsAndListsThemWithAlerts() {
        InProcessCli status = cli("status");
        assertThat(status.out().lines().findFirst()).as(status.all())
                .hasValue("alerts: 3 open (BAD_SIGNATURE 2, RELEASE_CHANGED_AFTER_LOGGING 1); see status --alerts");

        InProcessCli listed = cli("status", "--alerts");

        assertThat(listed.exitCode()).as(listed.all()).isZero();
        assertThat(listed.out()).startsWith("open alerts: 3 (BAD_SIGNATURE 2, RELEASE_CHANGED_AFTER_LOGGING 1)\n")
                .containsPattern("alert 1  open  " + ISO_SECOND + "  run 1  BAD_SIGNATURE  a/x-1.0.tar.gz\n"
                        + "    evidence: a/x-1.0.tar.gz.asc: BAD, key 0123ABCD\n")
                .contains("RELEASE_CHANGED_AFTER_LOGGING  a/y-1.0.SHA256SUMS\n    evidence: y-1.0.tar.gz: sha256 aa -> bb\\nforged line\n")
                .contains("BAD_SIGNATURE  b/z\\n2.0.tar.gz\n")
                .endsWith("acknowledge with: sumlog ack ALERT... --reason TEXT\n")
                .doesNotContain("acknowledged ");
    }

    @Test
    void ackAcknowledgesAllTheIdsOrNone() {
        InProcessCli refused = cli("ack", "1", "99", "--reason", "checked");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("sumlog: nothing acknowledged: no alert 99\n");
        assertThat(cli("status", "--alerts").out()).startsWith("open alerts: 3 ");

        InProcessCli acked = cli("ack", "3", "1", "--reason", "re-signed upstream, ticket 42");

        assertThat(acked.exitCode()).as(acked.all()).isZero();
        assertThat(acked.out()).isEqualTo("acknowledged alert 3: BAD_SIGNATURE b/z\\n2.0.tar.gz\n"
                + "acknowledged alert 1: BAD_SIGNATURE a/x-1.0.tar.gz\n");
        assertThat(cli("status", "--alerts").out()).startsWith("open alerts: 1 (RELEASE_CHANGED_AFTER_LOGGING 1)\n")
                .doesNotContain("alert 1 ").doesNotContain("alert 3 ");
        assertThat(cli("status").out()).startsWith("alerts: 1 open (RELEASE_CHANGED_AFTER_LOGGING 1); see status --alerts\n");
        assertThat(cli("status", "--alerts", "--all").out()).startsWith("alerts: 3 (1 open, 2 acknowledged)\n")
                .containsPattern("alert 1  acknowledged  " + ISO_SECOND + "  run 1  BAD_SIGNATURE  a/x-1.0.tar.gz\n"
                        + "    evidence: .*\n    acknowledged " + ISO_SECOND + ": re-signed upstream, ticket 42\n")
                .containsPattern("alert 2  open  ");

        InProcessCli again = cli("ack", "2", "1", "--reason", "again");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).containsPattern("nothing acknowledged: alert 1 was acknowledged already \\(" + ISO_SECOND + "\\)");
        assertThat(cli("status", "--alerts").out()).startsWith("open alerts: 1 ");
    }

    @Test
    void ackNeedsAReasonAStateAndACurrentCatalog() throws Exception {
        assertThat(cli("ack", "1").err()).contains("Missing required option: '--reason=TEXT'");
        InProcessCli blank = cli("ack", "1", "--reason", "  ");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).isEqualTo("sumlog: --reason: say why the alerts need no more action; it is kept with them\n");
        assertThat(InProcessCli.run("ack", "1", "--reason", "r", "--state", dir.resolve("nowhere").toString()).err())
                .contains("--state: no sumlog state in " + dir.resolve("nowhere"));
        assertThat(dir.resolve("nowhere")).doesNotExist();
        assertThat(cli("status", "--all").exitCode()).isEqualTo(2);

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + state.resolve("catalog"), "sa", "")) {
            db.createStatement().executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '"
                    + SchemaCheck.LATEST_VERSION + "'");
        }
        InProcessCli older = cli("ack", "1", "--reason", "r");
        assertThat(older.exitCode()).isEqualTo(2);
        assertThat(older.err()).contains("the catalog in " + state + " is older than this sumlog");
    }

    @Test
    void whileABackfillHoldsTheStateAckIsRefusedNamingItsPid() throws Exception {
        SumlogProcess holder = SumlogProcess.startHoldingStateLock(dir, shared.resolve("archive"), state);
        try {
            InProcessCli ack = cli("ack", "1", "--reason", "r");
            assertThat(ack.exitCode()).as(ack.all()).isEqualTo(2);
            assertThat(ack.err()).contains("state directory " + state + " is in use by another sumlog process (pid "
                    + holder.pid() + ",");
            assertThat(cli("status", "--alerts").out()).contains("a backfill is running in " + state)
                    .contains("alerts: listed once it ends");
        } finally {
            holder.sigkill();
        }
        assertThat(cli("status", "--alerts").out()).startsWith("open alerts: 3 ");
    }

    private InProcessCli cli(String... args) {
        String[] withState = Stream.concat(Stream.of(args), Stream.of("--state", state.toString())).toArray(String[]::new);
        return InProcessCli.run(withState);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Files.copy(f, to.resolve(from.relativize(f).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
