package dev.sumlog.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the metrics file says about one archive, read from the catalog after a run. Maps are sorted
 * by key, so the file's lines keep their order from run to run.
 *
 * @param archive            the archive's identity in the catalog
 * @param files              its files in the catalog, every state but GONE
 * @param bytes              their bytes
 * @param releasesByState    its releases per state, every state present (0 where none)
 * @param pendingByLog       entries waiting for each log that has entries of the archive (0 where none)
 * @param openAlertsByKind   unacknowledged alerts per kind, every kind ever raised present (0 where none)
 * @param commands           the last runs of each command that has run on the archive, by command name
 */
public record MetricsSnapshot(String archive, long files, long bytes, Map<String, Long> releasesByState,
                              Map<String, Long> pendingByLog, Map<String, Long> openAlertsByKind,
                              List<CommandRuns> commands) {

    /**
     * One command's latest runs.
     *
     * @param lastSuccess      when its last completed execution ended; null if none completed
     * @param lastDuration     how long its last ended execution took, in seconds; null if none ended
     * @param lastExitCode     the exit code of its last execution that recorded one; null if none did
     */
    public record CommandRuns(String command, Instant lastSuccess, Double lastDuration, Integer lastExitCode) {
    }
}
