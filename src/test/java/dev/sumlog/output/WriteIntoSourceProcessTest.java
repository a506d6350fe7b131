package dev.sumlog.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.Archives;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sums written into the source tree itself ({@code write-into-source: true}, out = source) never
 * replace an upstream file that happens to stand where an output would go: the clashing release is
 * skipped naming the file (exit 4), the upstream file keeps its bytes on every run, it is hashed as
 * archive content like any other file, and the other releases are written and logged.
 */
class WriteIntoSourceProcessTest {

    private static final String CLASH = ", a file sumlog did not write (or that changed since); left as it is";

    @TempDir
    Path dir;

    @Test
    void flatLayoutSkipsTheReleasesWhoseOutputsAreUpstreamFilesAndLeavesThemByteIdentical() throws Exception {
        Path source = dir.resolve("archive");
        Archives.sdist(source.resolve("nova-1.0.tar.gz"), "nova tarball");
        Trees.write(source.resolve("nova-1.0.SHA256SUMS"), "upstream's own sums, not sumlog's\n");
        Archives.sdist(source.resolve("glance-2.0.tar.gz"), "glance tarball");
        Trees.write(source.resolve("glance-2.0.SHA256SUMS.tlog-proof"), "an upstream proof");
        Archives.sdist(source.resolve("keystone-3.0.tar.gz"), "keystone tarball");
        Map<String, String> upstream = Map.of(
                "nova-1.0.SHA256SUMS", Trees.sha256(source.resolve("nova-1.0.SHA256SUMS")),
                "glance-2.0.SHA256SUMS.tlog-proof", Trees.sha256(source.resolve("glance-2.0.SHA256SUMS.tlog-proof")));
        Path job = Files.writeString(dir.resolve("in-place.yml"),
                "source: archive\nout: archive\nstate: state\nwrite-into-source: true\n");

        SumlogProcess.Result first = backfill(job, dir.resolve("trace-1"));

        List<String> skipped = List.of(
                "skipped: glance-2.0: output glance-2.0.SHA256SUMS.tlog-proof would replace "
                        + source.resolve("glance-2.0.SHA256SUMS.tlog-proof") + CLASH,
                "skipped: nova-1.0: output nova-1.0.SHA256SUMS would replace " + source.resolve("nova-1.0.SHA256SUMS") + CLASH);
        assertSkipped(first, skipped, "backfill complete, 2 input(s) skipped");
        upstream.forEach((name, sha256) -> assertThat(Trees.sha256(source.resolve(name))).as(name).isEqualTo(sha256));
        // Archive content, not sumlog's own: hashed, and listed in the directory's snapshot.
        assertThat(Files.readAllLines(dir.resolve("trace-1")))
                .contains("nova-1.0.SHA256SUMS", "glance-2.0.SHA256SUMS.tlog-proof");
        assertThat(Files.readString(source.resolve("_mutable.SHA256SUMS.snapshot")))
                .contains(upstream.get("nova-1.0.SHA256SUMS") + "  nova-1.0.SHA256SUMS\n")
                .contains(upstream.get("glance-2.0.SHA256SUMS.tlog-proof") + "  glance-2.0.SHA256SUMS.tlog-proof\n");
        assertThat(Files.readString(source.resolve("keystone-3.0.SHA256SUMS")))
                .isEqualTo(Trees.sha256(source.resolve("keystone-3.0.tar.gz")) + "  keystone-3.0.tar.gz\n");
        assertThat(source.resolve("keystone-3.0.SHA256SUMS.tlog-proof")).isRegularFile();
        assertThat(source.resolve("glance-2.0.SHA256SUMS")).as("never written without its receipt").doesNotExist();
        assertThat(logSize()).isEqualTo(1);

        Map<String, String> afterFirst = Trees.digests(source);
        SumlogProcess.Result second = backfill(job, dir.resolve("trace-2"));

        assertSkipped(second, skipped, "backfill complete, 2 input(s) skipped");
        assertThat(Trees.digests(source)).as("a second run changes nothing").isEqualTo(afterFirst);
        assertThat(Files.readAllLines(dir.resolve("trace-2"))).as("nothing new to hash, sumlog's own files included")
                .isEmpty();
        assertThat(logSize()).isEqualTo(1);
    }

    @Test
    void perDirectoryLayoutLeavesAnUpstreamSha256sumsAsItIs() throws Exception {
        Path source = dir.resolve("archive");
        Archives.sdist(source.resolve("nova/nova-1.0.tar.gz"), "nova tarball");
        Trees.write(source.resolve("nova/SHA256SUMS"), "0000  upstream-listing.tar.gz\n");
        Archives.sdist(source.resolve("keystone/keystone-3.0.tar.gz"), "keystone tarball");
        String upstream = Trees.sha256(source.resolve("nova/SHA256SUMS"));
        Path job = Files.writeString(dir.resolve("in-place.yml"),
                "source: archive\nout: archive\nstate: state\nwrite-into-source: true\nlayout: per-directory\n");

        SumlogProcess.Result first = backfill(job, dir.resolve("trace-1"));

        List<String> skipped = List.of("skipped: nova/nova: output nova/SHA256SUMS would replace "
                + source.resolve("nova/SHA256SUMS") + CLASH);
        assertSkipped(first, skipped, "backfill complete, 1 input(s) skipped");
        assertThat(Trees.sha256(source.resolve("nova/SHA256SUMS"))).isEqualTo(upstream);
        assertThat(source.resolve("nova/SHA256SUMS.tlog-proof")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("trace-1"))).as("the upstream SHA256SUMS is archive content")
                .contains("nova/SHA256SUMS");
        assertThat(Files.readString(source.resolve("keystone/SHA256SUMS")))
                .isEqualTo(Trees.sha256(source.resolve("keystone/keystone-3.0.tar.gz")) + "  keystone-3.0.tar.gz\n");
        assertThat(source.resolve("keystone/SHA256SUMS.tlog-proof")).isRegularFile();
        assertThat(logSize()).isEqualTo(1);

        Map<String, String> afterFirst = Trees.digests(source);
        SumlogProcess.Result second = backfill(job, dir.resolve("trace-2"));

        assertSkipped(second, skipped, "backfill complete, 1 input(s) skipped");
        assertThat(Trees.digests(source)).isEqualTo(afterFirst);
        assertThat(Files.readAllLines(dir.resolve("trace-2"))).isEmpty();
        assertThat(logSize()).isEqualTo(1);
    }

    private SumlogProcess.Result backfill(Path job, Path trace) throws Exception {
        return SumlogProcess.start(dir, List.of("-Dsumlog.hash-trace=" + trace), false,
                "backfill", "--job", job.toString()).await(Duration.ofMinutes(5));
    }

    static void assertSkipped(SumlogProcess.Result run, List<String> skipped, String last) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(4);
        List<String> lines = run.output().lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("skipped: "))).as(run.output()).containsExactlyElementsOf(skipped);
        assertThat(lines).as(run.output()).last().isEqualTo(last);
        assertNoStackTrace(run);
    }

    static void assertNoStackTrace(SumlogProcess.Result run) {
        assertThat(run.output()).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private long logSize() throws Exception {
        return Long.parseLong(Files.readAllLines(dir.resolve("state/log/checkpoint")).get(1));
    }
}
