package dev.sumlog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sumlog.testing.Tmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON report file alone: its shape, that it reads back, and that it is replaced whole or not at all. */
class ReportFileTest {

    @TempDir
    Path dir;

    static RunReport sample(String archive, int skippedInputs) {
        List<RunReport.Skipped> skipped = IntStream.range(0, skippedInputs)
                .mapToObj(i -> new RunReport.Skipped("dir/file-" + i + ".tar.gz", "cannot read: permission denied")).toList();
        return new RunReport(RunReport.FORMAT, "reconcile", archive, 7, "2026-12-02", 12, "COMPLETED", 3, null,
                Instant.parse("2026-12-02T03:00:00.125Z"), Instant.parse("2026-12-02T03:01:02.250Z"), 62.125,
                new RunReport.Counts(130, 20, 1, 123456789, 5, 1, 0, 5, 0, skipped.size(), 1),
                List.of(new RunReport.Alert(41, "RELEASE_CHANGED_AFTER_LOGGING", "a/nova-1.0.SHA256SUMS",
                        "nova-1.0.tar.gz: was 2dc5..., now 9e1f...\nsecond line, caf\u00e9")),
                skipped,
                List.of(new RunReport.Step("crawl", "COMPLETED", 130, 130, 1.5),
                        new RunReport.Step("hash", "COMPLETED", 21, 21, 3.25)));
    }

    @Test
    void aReportReadsBackToTheSameRecord() throws IOException {
        RunReport report = sample("https://tarballs.example.org/", 2);
        Path file = dir.resolve("report.json");

        ReportFile.write(file, report);

        assertThat(ReportFile.read(file)).isEqualTo(report);
        RunReport noKey = new RunReport(report.format(), "backfill", report.archive(), 1, null, 1, "FAILED", 1,
                "the catalog in /s: no space left", report.started(), null, 0, report.counts(), List.of(), List.of(), List.of());
        ReportFile.write(file, noKey);
        assertThat(ReportFile.read(file)).isEqualTo(noKey);
    }

    @Test
    void fieldsComeInTheDeclaredOrderPrettyPrintedWithTimesInUtc() throws IOException {
        Path file = dir.resolve("report.json");
        ReportFile.write(file, sample("a", 1));
        String text = Files.readString(file);

        assertThat(text).startsWith("{\n  \"format\" : \"sumlog.dev/run-report/v1\",\n  \"command\" : \"reconcile\",\n")
                .contains("\"started\" : \"2026-12-02T03:00:00.125Z\"").contains("\"runKey\" : \"2026-12-02\"")
                .contains("\"failure\" : null").endsWith("}\n");
        JsonNode json = JsonMapper.builder().build().readTree(text);
        assertThat(List.copyOf(json.propertyNames())).containsExactly("format", "command", "archive", "runId", "runKey",
                "executionId", "status", "exitCode", "failure", "started", "ended", "durationSeconds", "counts", "alerts",
                "skipped", "steps");
        assertThat(List.copyOf(json.get("counts").propertyNames())).containsExactly("filesFound", "filesHashed",
                "filesFailed", "bytesHashed", "releasesWritten", "releasesChanged", "releasesBlocked", "entriesLogged",
                "submissionsPending", "inputsSkipped", "alertsRaised");
        assertThat(List.copyOf(json.get("steps").get(0).propertyNames()))
                .containsExactly("name", "status", "readCount", "writeCount", "seconds");
        assertThat(List.copyOf(json.get("alerts").get(0).propertyNames())).containsExactly("id", "kind", "subject", "evidence");
    }

    @Test
    void aPreviousReportIsReplacedWholeAndNoTempFileIsLeft() throws IOException {
        Path file = dir.resolve("report.json");
        ReportFile.write(file, sample("big", 500));
        long before = Files.size(file);

        ReportFile.write(file, sample("small", 0));

        assertThat(Files.size(file)).isLessThan(before);
        assertThat(ReportFile.read(file).archive()).isEqualTo("small");
        assertThat(Files.readString(file)).doesNotContain("file-499"); // nothing of the longer report is left behind
        assertThat(listing(dir)).containsExactly("report.json");
    }

    @Test
    void aMissingDirectoryIsOneLineNamingThePathAndCreatesNothing() {
        Path file = dir.resolve("no/such/dir/report.json");

        IOException e = catchThrowableOfType(() -> ReportFile.write(file, sample("a", 0)), IOException.class);

        assertThat(e.getMessage()).isEqualTo("cannot write the report " + file + ": directory " + file.getParent()
                + " does not exist");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void aDirectoryStandingThereIsOneLine() throws IOException {
        Path file = Files.createDirectory(dir.resolve("report.json"));

        IOException e = catchThrowableOfType(() -> ReportFile.write(file, sample("a", 0)), IOException.class);

        assertThat(e.getMessage()).isEqualTo("cannot write the report " + file + ": it is a directory");
    }

    @Test
    void anUnwritableDirectoryIsOneLineNamingThePathAndLeavesTheOldReport() throws Exception {
        Path readOnly = dir.resolve("ro");
        Path file = readOnly.resolve("report.json");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // root ignores permission bits: a read-only file system refuses it as well
            Tmpfs.mount(readOnly, "size=1m");
            ReportFile.write(file, sample("old", 0));
            Tmpfs.remount(readOnly, "ro");
        } else {
            Files.createDirectories(readOnly);
            ReportFile.write(file, sample("old", 0));
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            IOException e = catchThrowableOfType(() -> ReportFile.write(file, sample("new", 0)), IOException.class);

            assertThat(e.getMessage()).startsWith("cannot write the report " + file + ": ")
                    .matches(".*(permission denied|Read-only file system)").doesNotContain("\n");
            assertThat(ReportFile.read(file).archive()).isEqualTo("old");
            assertThat(listing(readOnly)).containsExactly("report.json");
        } finally {
            if (root) {
                Tmpfs.unmount(readOnly);
            } else {
                Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void aFullDiskLeavesTheOldReportWholeAndNoTempFile() throws Exception {
        Path small = Tmpfs.mount(dir.resolve("small"), "size=64k");
        try {
            Path file = small.resolve("report.json");
            ReportFile.write(file, sample("old", 0));

            IOException e = catchThrowableOfType(() -> ReportFile.write(file, sample("too big", 2000)), IOException.class);

            assertThat(e.getMessage()).isEqualTo("cannot write the report " + file + ": No space left on device");
            assertThat(ReportFile.read(file).archive()).isEqualTo("old");
            assertThat(listing(small)).containsExactly("report.json");
        } finally {
            Tmpfs.unmount(small);
        }
    }

    static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
