package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Tmpfs;
import dev.sumlog.testing.Trees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration mistakes in a real process: exit 2 with exactly one line naming the field, no stack
 * trace, and nothing created where it must not be (no state in the archive, no catalog in a folder
 * that `status` was pointed at by mistake).
 */
class PreflightProcessTest {

    private static final String PRIVATE = "; the catalog, the lock and the log's private key must not be published";

    @TempDir
    Path dir;

    @Test
    void stateInsideTheSourceIsRefusedAndNothingIsWrittenIntoTheSource() throws Exception {
        Path source = archive();
        Path state = source.resolve(".sumlog");

        SumlogProcess.Result result = backfill("--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", state.toString());

        assertRefused(result, "sumlog: command line: field 'state': " + state + " is inside the source archive" + PRIVATE);
        assertThat(listing(source)).containsExactly("nova-1.0.tar.gz");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void stateEqualToOutIsRefused() throws Exception {
        Path out = dir.resolve("out");

        SumlogProcess.Result result = backfill("--source", archive().toString(), "--out", out.toString(),
                "--state", out.toString());

        assertRefused(result, "sumlog: command line: field 'state': " + out + " is the output directory" + PRIVATE);
        assertThat(out).doesNotExist();
    }

    @Test
    void aBadGlobABadPublicUrlAndAWrongTypeAreNamedWithTheirField() throws Exception {
        archive();
        Path globJob = job("glob.yml", "source: archive\nout: out\nstate: state\ninclude: ['[']\n");
        Path typeJob = job("type.yml", "source: archive\nout: out\nstate: state\ntuning:\n  threads: many\n");

        assertRefused(backfill("--job", globJob.toString()),
                "sumlog: job file " + globJob + ": line 4: field 'include[0]': bad glob '[': Missing ']' at index 0");
        assertRefused(backfill("--job", typeJob.toString()), "sumlog: job file " + typeJob
                + ": line 5: field 'tuning.threads': expected a whole number, got \"many\"");
        assertRefused(backfill("--source", dir.resolve("archive").toString(), "--out", dir.resolve("out").toString(),
                        "--state", dir.resolve("state").toString(), "--public-url", "ftp://mirror.example.org/"),
                "sumlog: command line: field 'public-url' (--public-url): scheme 'ftp' not allowed; "
                        + "expected http, https or file");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void aReadOnlyOutIsRefusedBeforeAnythingStarts() throws Exception {
        Path out = mount("ro", "ro,size=2m");
        try {
            SumlogProcess.Result result = backfill("--source", archive().toString(), "--out", out.toString(),
                    "--state", dir.resolve("state").toString());

            assertRefused(result, "sumlog: command line: field 'out': cannot write in " + out + ": read-only file system");
            assertThat(dir.resolve("state")).doesNotExist();
        } finally {
            unmount(out);
        }
    }

    @Test
    void aFullStateDirectoryIsRefusedNamingTheFreeSpace() throws Exception {
        Path state = mount("full", "size=1m");
        try {
            try (OutputStream fill = Files.newOutputStream(state.resolve("filler"))) {
                byte[] block = new byte[4096];
                for (int i = 0; i < 1024; i++) {
                    fill.write(block);
                }
            } catch (IOException expected) {
                // ENOSPC: the file system is full now
            }
            SumlogProcess.Result result = backfill("--source", archive().toString(), "--out",
                    dir.resolve("out").toString(), "--state", state.toString());

            assertRefused(result, "sumlog: command line: field 'state': no space left on " + state + " (0 bytes free)");
            assertThat(listing(state)).containsExactly("filler");
        } finally {
            unmount(state);
        }
    }

    @Test
    void statusAndLogKeyOnAFolderWithoutStateCreateNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertRefused(SumlogProcess.run(dir, "status", "--state", empty.toString()),
                "sumlog: --state: no sumlog state in " + empty + " (no catalog.mv.db; run a backfill first)");
        assertRefused(SumlogProcess.run(dir, "log-key", "--state", empty.toString()),
                "sumlog: no log key in " + empty + " (it is created by the first backfill)");
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void aSecondBackfillWhileOneRunsExits2NamingThePidAndStatusSaysItRuns() throws Exception {
        Path source = archive();
        Path state = dir.resolve("state");
        SumlogProcess first = SumlogProcess.startHoldingStateLock(dir, source, state);
        try {

            SumlogProcess.Result second = backfill("--source", source.toString(), "--out",
                    dir.resolve("out2").toString(), "--state", state.toString());
            SumlogProcess.Result status = SumlogProcess.run(dir, "status", "--state", state.toString());

            assertThat(second.exitCode()).as(second.output()).isEqualTo(2);
            assertThat(second.output().lines().toList()).singleElement().asString()
                    .startsWith("sumlog: state directory " + state + " is in use by another sumlog process (pid "
                            + first.pid() + ", since ");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).startsWith("a backfill is running in " + state + " (pid " + first.pid() + ", since ");
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.sigkill();
        }
    }

    private SumlogProcess.Result backfill(String... args) throws Exception {
        return SumlogProcess.run(dir, Stream.concat(Stream.of("backfill"), Stream.of(args)).toArray(String[]::new));
    }

    private static void assertRefused(SumlogProcess.Result result, String line) {
        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output().lines().toList()).as("exactly one line, no stack trace").containsExactly(line);
        assertThat(result.output()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    private Path archive() throws IOException {
        Path source = dir.resolve("archive");
        Trees.write(source.resolve("nova-1.0.tar.gz"), "x");
        return source;
    }

    private Path job(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private Path mount(String name, String options) throws Exception {
        return Tmpfs.mount(dir.resolve(name), options);
    }

    private static void unmount(Path point) throws Exception {
        Tmpfs.unmount(point);
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
