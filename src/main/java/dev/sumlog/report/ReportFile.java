package dev.sumlog.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON report of a run ({@code report: PATH} in the job file): pretty-printed UTF-8, fields in
 * the order {@link RunReport} declares them, times as ISO-8601 UTC, written atomically so a reader
 * (a monitoring script, a mail hook) sees the previous report or this one, never a part.
 */
public final class ReportFile {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportFile() {
    }

    /**
     * Writes the report to {@code path}, replacing the previous one whole.
     *
     * @throws IOException one line naming the path: a missing directory, no permission, a full disk
     */
    public static void write(Path path, RunReport report) throws IOException {
        AtomicFile.write(path, (toJson(report) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "report");
    }

    /** The report's JSON text, as {@link #write} writes it (without the final newline). */
    public static String toJson(RunReport report) {
        return JSON.writeValueAsString(report);
    }

    /** Reads a report back (for tests and tools). */
    public static RunReport read(Path path) throws IOException {
        try {
            return JSON.readValue(Files.readString(path), RunReport.class);
        } catch (JacksonException e) {
            throw new IOException("not a sumlog run report: " + path + ": " + e.getOriginalMessage(), e);
        }
    }
}
