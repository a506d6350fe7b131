package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a re-run with the same state recognises, in real processes: a new {@code --out} gets every
 * file again without hashing or logging anything; a source moved elsewhere is the same archive when
 * it has an identity (public URL); and a same-size edit whose mtime was put back is still seen.
 */
class ReRunIdentityProcessTest {

    private static final String URL = "https://example.org/archive/";

    @TempDir
    Path dir;
    Path source;
    Path state;

    @BeforeEach
    void archive() {
        source = dir.resolve("archive");
        state = dir.resolve("state");
        Trees.write(source.resolve("x/nova-1.0.tar.gz"), "nova bytes");
        Trees.write(source.resolve("x/glance-1.0.tar.gz"), "glance bytes");
        Trees.write(source.resolve("x/nova-master.tar.gz"), "a branch tarball");
        Trees.write(source.resolve("keystone-2.0.tar.gz"), "keystone bytes");
    }

    @Test
    void aNewOutWithTheSameStateGetsIdenticalFilesWithoutHashingOrLoggingAgain() throws Exception {
        assertOk(backfill(source, "out1", null, null));
        byte[] checkpoint = Files.readAllBytes(state.resolve("log/checkpoint"));

        assertOk(backfill(source, "out2", null, dir.resolve("trace")));

        Map<String, String> first = Trees.digests(dir.resolve("out1"));
        assertThat(first).containsKeys("x/nova-1.0.SHA256SUMS", "x/nova-1.0.SHA256SUMS.tlog-proof",
                "keystone-2.0.SHA256SUMS.tlog-proof", "x/_mutable.SHA256SUMS.snapshot").hasSize(7);
        assertThat(Trees.digests(dir.resolve("out2"))).as("sums, receipts and snapshot byte-identical").isEqualTo(first);
        assertThat(Files.readAllBytes(state.resolve("log/checkpoint"))).as("nothing logged again").isEqualTo(checkpoint);
        assertThat(Files.readString(dir.resolve("trace"))).as("nothing hashed again").isEmpty();
    }

    @Test
    void aMovedSourceWithAPublicUrlIsTheSameArchive() throws Exception {
        assertOk(backfill(source, "out", URL, null));
        byte[] checkpoint = Files.readAllBytes(state.resolve("log/checkpoint"));
        Map<String, String> published = Trees.digests(dir.resolve("out"));

        SumlogProcess.Result moved = backfill(copy(source, dir.resolve("moved")), "out", URL, null);

        assertOk(moved);
        assertThat(moved.output()).startsWith("backfill of " + URL + " from " + dir.resolve("moved") + " into ");
        assertThat(Files.readAllBytes(state.resolve("log/checkpoint"))).as("no entry logged twice").isEqualTo(checkpoint);
        assertThat(Trees.digests(dir.resolve("out"))).isEqualTo(published);
    }

    /**
     * Without a public URL or an archive id, an archive is named by its file: URL, so a copy in
     * another place is another archive: this is what the code does today, not a promise. Its
     * releases are logged again as new entries naming the copy, and their receipts in the shared
     * out are replaced by the copy's (the sums files' bytes are the same, so they stay).
     */
    @Test
    void aMovedSourceWithoutAnIdentityIsAnotherArchiveAndIsLoggedAgain() throws Exception {
        assertOk(backfill(source, "out", null, null));
        Map<String, String> published = Trees.digests(dir.resolve("out"));
        Path moved = copy(source, dir.resolve("moved"));

        assertOk(backfill(moved, "out", null, null));

        assertThat(logSize()).as("three releases logged twice").isEqualTo(6);
        Map<String, String> now = Trees.digests(dir.resolve("out"));
        assertThat(now.get("x/nova-1.0.SHA256SUMS")).isEqualTo(published.get("x/nova-1.0.SHA256SUMS"));
        assertThat(now.get("x/nova-1.0.SHA256SUMS.tlog-proof")).isNotEqualTo(published.get("x/nova-1.0.SHA256SUMS.tlog-proof"));
        String receipt = Files.readString(dir.resolve("out/x/nova-1.0.SHA256SUMS.tlog-proof"));
        String extra = receipt.lines().filter(l -> l.startsWith("extra ")).findFirst().orElseThrow().substring(6);
        assertThat(new String(Base64.getDecoder().decode(extra), StandardCharsets.UTF_8))
                .contains("source " + moved.toUri() + "\n");
    }

    @Test
    void aSameSizeEditWithItsMtimePutBackIsSeen() throws Exception {
        assertOk(backfill(source, "out", null, null));
        Path tarball = source.resolve("x/nova-1.0.tar.gz");
        Path sums = dir.resolve("out/x/nova-1.0.SHA256SUMS");
        byte[] published = Files.readAllBytes(sums);
        FileTime mtime = Files.getLastModifiedTime(tarball);
        String publishedDigest = Trees.sha256(tarball);
        Files.writeString(tarball, "NOVA BYTES");
        Files.setLastModifiedTime(tarball, mtime);
        String nowHashesTo = Trees.sha256(Files.writeString(dir.resolve("expected"),
                Trees.sha256(tarball) + "  nova-1.0.tar.gz\n"));

        SumlogProcess.Result rerun = backfill(source, "out", null, null);

        assertThat(rerun.exitCode()).as(rerun.output()).isEqualTo(3);
        assertThat(rerun.output().lines().filter(l -> l.startsWith("ALERT"))).containsExactly(
                "ALERT: ARTIFACT_CHANGED: x/nova-1.0.tar.gz: sha256 was " + publishedDigest + ", is now "
                        + Trees.sha256(source.resolve("x/nova-1.0.tar.gz")) + " (10 bytes)",
                "ALERT: RELEASE_CHANGED_AFTER_LOGGING: x/nova-1.0.SHA256SUMS: logged sums sha256 " + Trees.sha256(sums)
                        + ", the release now hashes to " + nowHashesTo
                        + " (changed nova-1.0.tar.gz); published sums kept, not logged again");
        assertThat(Files.readAllBytes(sums)).as("published sums kept").isEqualTo(published);
        assertThat(logSize()).isEqualTo(3);
        assertThat(rerun.output()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * The archive holds short texts named like tarballs (a same-size edit is the point of one test), so
     * archive inspection is off here: it is tested on real archives in ReadChecksBackfillTest.
     */
    private SumlogProcess.Result backfill(Path from, String out, String publicUrl, Path trace) throws Exception {
        Path job = Files.writeString(dir.resolve("no-inspection.yml"), "integrity:\n  enabled: false\n");
        List<String> args = new ArrayList<>(List.of("backfill", "--job", job.toString(), "--source", from.toString(),
                "--out", dir.resolve(out).toString(), "--state", state.toString()));
        if (publicUrl != null) {
            args.addAll(List.of("--public-url", publicUrl));
        }
        List<String> jvm = trace == null ? List.of() : List.of("-Dsumlog.hash-trace=" + trace);
        return SumlogProcess.start(dir, jvm, false, args.toArray(String[]::new)).await(Duration.ofMinutes(5));
    }

    private static void assertOk(SumlogProcess.Result run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** {@code cp -a}: the copy keeps every mtime, as a moved mirror does. */
    private static Path copy(Path from, Path to) throws Exception {
        Process cp = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
        assertThat(cp.waitFor()).isZero();
        return to;
    }

    private long logSize() throws Exception {
        return Long.parseLong(Files.readAllLines(state.resolve("log/checkpoint")).get(1));
    }
}
