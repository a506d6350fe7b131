package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.job.BackfillRunner.RunResult;
import dev.sumlog.signature.Gpg;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read checks through the whole job: signatures made by the real gpg with throw-away RSA and Ed25519
 * keys (good, tampered, unknown key, expired key, none) and broken archives made here (truncated gzip,
 * '../' and absolute entries, a link out of the archive, a wheel whose RECORD lies, a bomb). Each lands in
 * the catalog, the alerts and the run summary; {@code on-bad: flag} writes and logs the doubted releases,
 * {@code on-bad: hold} holds them until the artifact is put right. Nothing inside an archive reaches disk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadChecksBackfillTest {

    private Path world;
    private Gpg gpg;
    private String rsa;
    private String ed;
    private String stranger;

    @BeforeAll
    void keys(@TempDir Path world) throws Exception {
        this.world = world;
        gpg = Gpg.home(world.resolve("gpg"));
        rsa = gpg.generate("Release RSA <rsa@example.org>", "rsa2048", "sign", "0");
        ed = gpg.generate("Release Ed25519 <ed@example.org>", "ed25519", "sign", "0");
        String old = gpg.generate("Old <old@example.org>", "ed25519", "sign", "0", "--faked-system-time", "20200101T000000");
        // signed on 5 January 2020 by a key that (as set afterwards) expired on 2 January
        sign(Archives.sdist(world.resolve("heat-1.0.tar.gz"), "heat"), old, true, "--faked-system-time", "20200105T000000");
        gpg.ok("--faked-system-time", "20200101T010000", "--quick-set-expire", old, "1d");
        stranger = gpg.generate("Stranger <stranger@example.org>", "ed25519", "sign", "0");
        gpg.ok("--armor", "--export", "-o", world.resolve("trusted.asc").toString(), rsa, ed, old);
    }

    @AfterAll
    void stopAgent() throws Exception {
        if (gpg != null) {
            gpg.stopAgent();
        }
    }

    /** An archive of every case; returns the bytes of cinder's tarball as it was signed. */
    private byte[] archive(Path root) throws Exception {
        sign(Archives.sdist(root.resolve("a/nova-1.0.tar.gz"), "nova"), rsa, true);
        sign(Archives.sdist(root.resolve("a/glance-1.0.tar.gz"), "glance"), ed, false);
        Path cinder = Archives.sdist(root.resolve("a/cinder-1.0.tar.gz"), "cinder");
        byte[] signed = Files.readAllBytes(cinder);
        sign(cinder, rsa, true);
        Archives.sdist(cinder, "cinder, tampered after signing");
        sign(Archives.sdist(root.resolve("a/swift-1.0.tar.gz"), "swift"), stranger, true);
        Files.copy(world.resolve("heat-1.0.tar.gz"), root.resolve("a/heat-1.0.tar.gz"));
        Files.copy(world.resolve("heat-1.0.tar.gz.asc"), root.resolve("a/heat-1.0.tar.gz.asc"));
        Archives.sdist(root.resolve("a/ironic-1.0.tar.gz"), "ironic");

        byte[] whole = Files.readAllBytes(Archives.sdist(root.resolve("b/tmp.tar.gz"), "x".repeat(5000)));
        Files.delete(root.resolve("b/tmp.tar.gz"));
        Files.write(root.resolve("b/keystone-1.0.tar.gz"), Arrays.copyOf(whole, whole.length / 2));
        tar(root.resolve("b/trove-1.0.tar.gz"), "trove-1.0/PKG-INFO", "trove-1.0/../../etc/passwd", "/etc/shadow");
        symlinkOut(root.resolve("b/manila-1.0.tar.gz"));
        Path wheel = Archives.wheel(root.resolve("b/aodh-1.0-py3-none-any.whl"), "aodh");
        Archives.wheel(root.resolve("b/tmp-1.0-py3-none-any.whl"), "another content"); // same RECORD shape
        lyingRecord(wheel);
        Files.delete(root.resolve("b/tmp-1.0-py3-none-any.whl"));
        bomb(root.resolve("b/zeros-1.0.tar.gz"));
        return signed;
    }

    @Test
    void flagWritesAndLogsDoubtedReleasesRaisesAlertsAndRecordsEachVerdict() throws Exception {
        Path dir = Files.createTempDirectory(world, "flag");
        Path root = dir.resolve("archive");
        archive(root);
        Set<Path> before = tree(dir);

        try (InProcessBackfill job = backfill(dir, "keyrings: [" + world.resolve("trusted.asc") + "]\n")) {
            RunResult result = job.runner().run();

            assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
            Map<String, String> signatures = column(job.jdbc(), "signature");
            assertThat(signatures).containsEntry("a/nova-1.0.tar.gz", "GOOD").containsEntry("a/glance-1.0.tar.gz", "GOOD")
                    .containsEntry("a/cinder-1.0.tar.gz", "BAD").containsEntry("a/swift-1.0.tar.gz", "UNKNOWN_KEY")
                    .containsEntry("a/heat-1.0.tar.gz", "EXPIRED_KEY").containsEntry("a/ironic-1.0.tar.gz", "NO_SIGNATURE")
                    .doesNotContainKey("a/nova-1.0.tar.gz.asc");
            assertThat(column(job.jdbc(), "signature_key")).containsEntry("a/nova-1.0.tar.gz", rsa)
                    .containsEntry("a/glance-1.0.tar.gz", ed);
            Map<String, String> integrity = column(job.jdbc(), "integrity");
            assertThat(integrity).containsEntry("a/nova-1.0.tar.gz", "OK").containsEntry("a/nova-1.0.tar.gz.asc", "NOT_AN_ARCHIVE");
            Map<String, String> findings = column(job.jdbc(), "integrity_detail");
            assertThat(findings.get("b/keystone-1.0.tar.gz")).startsWith("FLAGGED TRUNCATED");
            assertThat(findings.get("b/trove-1.0.tar.gz")).contains("PARENT_PATH").contains("ABSOLUTE_PATH");
            assertThat(findings.get("b/manila-1.0.tar.gz")).contains("LINK_ESCAPES");
            assertThat(findings.get("b/aodh-1.0-py3-none-any.whl")).contains("WHEEL_RECORD_MISMATCH");
            assertThat(findings.get("b/zeros-1.0.tar.gz")).contains("BOMB");
            assertThat(result.alerts()).anyMatch(a -> a.startsWith("BAD_SIGNATURE: a/cinder-1.0.tar.gz: BAD"))
                    .anyMatch(a -> a.startsWith("BAD_SIGNATURE: a/heat-1.0.tar.gz: EXPIRED_KEY"))
                    .noneMatch(a -> a.contains("swift") || a.contains("ironic") || a.contains("nova"))
                    .filteredOn(a -> a.startsWith("FLAGGED_ARCHIVE: b/")).hasSize(5);
            assertThat(result.checked()).containsExactly(
                    "archives: FLAGGED 5, NOT_AN_ARCHIVE 5, OK 6",
                    "signatures: BAD 1, EXPIRED_KEY 1, GOOD 2, NO_SIGNATURE 6, UNKNOWN_KEY 1"); // b/ is unsigned
            // flag: the doubted releases are written and logged like the rest
            assertThat(dir.resolve("out/a/cinder-1.0.SHA256SUMS")).exists();
            assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM submission s JOIN release_set r ON r.id = s.release_id"
                    + " WHERE r.project = 'cinder' AND s.state = 'LOGGED'", Integer.class)).isEqualTo(1);
            assertThat(BackfillCommand.report(result, new PrintStream(OutputStream.nullOutputStream()), dir.resolve("state")))
                    .isEqualTo(ExitCodes.ALERTS);
        }
        String status = status(dir.resolve("state"));
        assertThat(status).contains("signatures GOOD").contains("key " + rsa).contains("key " + ed)
                .contains("in doubt: a/cinder-1.0.tar.gz: signature BAD").contains("archives FLAGGED");
        // nothing from inside an archive was written anywhere: only sumlog's own outputs and state are new
        Set<Path> added = tree(dir);
        added.removeAll(before);
        added.remove(dir.resolve("job.yml"));
        assertThat(added).allMatch(p -> p.startsWith(dir.resolve("out")) || p.startsWith(dir.resolve("state")))
                .noneMatch(p -> Set.of("passwd", "shadow", "content.txt", "PKG-INFO", "zeros").contains(p.getFileName().toString()));
    }

    @Test
    void holdKeepsADoubtedReleaseUnwrittenAndUnloggedUntilItsArtifactIsPutRight() throws Exception {
        Path dir = Files.createTempDirectory(world, "hold");
        Path root = dir.resolve("archive");
        byte[] signedCinder = archive(root);
        String job = "keyrings: [" + world.resolve("trusted.asc") + "]\non-bad: hold\n";

        try (InProcessBackfill first = backfill(dir, job)) {
            RunResult result = first.runner().run();

            assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(dir.resolve("out/a/cinder-1.0.SHA256SUMS")).doesNotExist();
            assertThat(dir.resolve("out/b/keystone-1.0.SHA256SUMS")).doesNotExist();
            assertThat(dir.resolve("out/a/nova-1.0.SHA256SUMS")).exists();
            assertThat(dir.resolve("out/a/swift-1.0.SHA256SUMS")).as("an unknown key is no doubt").exists();
            assertThat(first.jdbc().queryForObject("SELECT blocked_by FROM release_set WHERE project = 'cinder'", String.class))
                    .startsWith("held (on-bad: hold), not written or logged: cinder-1.0.tar.gz (signature BAD");
            assertThat(first.jdbc().queryForObject("SELECT COUNT(*) FROM submission s JOIN release_set r ON r.id = s.release_id"
                    + " WHERE r.project IN ('cinder', 'heat', 'keystone', 'trove')", Integer.class)).isZero();
            assertThat(result.problems()).anyMatch(p -> p.skipped() && p.reason().startsWith("held (on-bad: hold)"));
        }
        Files.write(root.resolve("a/cinder-1.0.tar.gz"), signedCinder); // the release manager puts it right
        try (InProcessBackfill second = backfill(dir, job)) {
            RunResult result = second.runner().run();

            assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(column(second.jdbc(), "signature")).containsEntry("a/cinder-1.0.tar.gz", "GOOD");
            assertThat(dir.resolve("out/a/cinder-1.0.SHA256SUMS")).exists();
            assertThat(second.jdbc().queryForObject("SELECT COUNT(*) FROM submission s JOIN release_set r ON r.id = s.release_id"
                    + " WHERE r.project = 'cinder' AND s.state = 'LOGGED'", Integer.class)).isEqualTo(1);
            assertThat(dir.resolve("out/a/heat-1.0.SHA256SUMS")).as("still held").doesNotExist();
        }
    }

    @Test
    void inspectionSwitchedOffRecordsSkippedAndRaisesNoArchiveAlert() throws Exception {
        Path dir = Files.createTempDirectory(world, "off");
        Trees.write(dir.resolve("archive/keystone-1.0.tar.gz"), "not a gzip at all");

        try (InProcessBackfill job = backfill(dir, "integrity:\n  enabled: false\n")) {
            RunResult result = job.runner().run();

            assertThat(result.alerts()).isEmpty();
            assertThat(column(job.jdbc(), "integrity")).containsEntry("keystone-1.0.tar.gz", "SKIPPED");
            assertThat(column(job.jdbc(), "signature")).isEmpty();
        }
        // switched on later: the unchanged file is read once more to get its verdicts
        Files.copy(world.resolve("heat-1.0.tar.gz"), dir.resolve("archive/heat-1.0.tar.gz"));
        try (InProcessBackfill job = backfill(dir, "")) {
            job.runner().run();
        }
        try (InProcessBackfill job = backfill(dir, "keyrings: [" + world.resolve("trusted.asc") + "]\n")) {
            RunResult result = job.runner().run();

            assertThat(column(job.jdbc(), "integrity")).containsEntry("keystone-1.0.tar.gz", "FLAGGED")
                    .containsEntry("heat-1.0.tar.gz", "OK");
            assertThat(column(job.jdbc(), "signature")).containsEntry("heat-1.0.tar.gz", "NO_SIGNATURE")
                    .containsEntry("keystone-1.0.tar.gz", "NO_SIGNATURE");
            assertThat(result.checked()).contains("signatures: NO_SIGNATURE 2");
        }
    }

    private void sign(Path file, String key, boolean armor, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.addAll(List.of("-u", key, "--detach-sign", "-o", file + (armor ? ".asc" : ".sig")));
        if (armor) {
            args.add("--armor");
        }
        args.add(file.toString());
        gpg.ok(args.toArray(String[]::new));
    }

    private static void tar(Path file, String... names) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(file)))) {
            for (String name : names) {
                TarArchiveEntry entry = new TarArchiveEntry(name, true);
                byte[] content = ("in " + name).getBytes(StandardCharsets.UTF_8);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
    }

    private static void symlinkOut(Path file) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(file)))) {
            TarArchiveEntry link = new TarArchiveEntry("manila-1.0/etc", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("../../../etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
    }

    /** The wheel's RECORD line for its content file gets the hash of other bytes. */
    private static void lyingRecord(Path wheel) throws IOException {
        Path honest = wheel.resolveSibling("tmp-1.0-py3-none-any.whl");
        // Rebuild aodh's wheel with tmp's content under aodh's RECORD: the content no longer matches.
        Map<String, byte[]> aodh = zipEntries(wheel);
        Map<String, byte[]> other = zipEntries(honest);
        aodh.put("aodh/content.txt", other.get("tmp/content.txt"));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(wheel))) {
            for (var e : aodh.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    private static Map<String, byte[]> zipEntries(Path file) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** 64 MiB of zeros in one entry: about 1000:1. */
    private static void bomb(Path file) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(file)))) {
            TarArchiveEntry entry = new TarArchiveEntry("zeros-1.0/zeros");
            entry.setSize(64L << 20);
            tar.putArchiveEntry(entry);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                tar.write(zeros);
            }
            tar.closeArchiveEntry();
        }
    }

    private static Map<String, String> column(JdbcTemplate jdbc, String column) {
        return jdbc.query("SELECT path, " + column + " FROM artifact WHERE " + column + " IS NOT NULL", rs -> {
            Map<String, String> values = new java.util.TreeMap<>();
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
            return values;
        });
    }

    private static Set<Path> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    private static String status(Path state) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StatusCommand command = new StatusCommand();
            command.state = state;
            assertThat(command.call()).isEqualTo(ExitCodes.OK);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static InProcessBackfill backfill(Path dir, String yaml) throws Exception {
        return InProcessBackfill.start(dir, "source: archive\nout: out\nstate: state\narchive-id: checks\n" + yaml);
    }
}
