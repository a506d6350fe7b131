package dev.sumlog.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a command does after its run, in one call: records the exit code with the execution, writes
 * the JSON report where the job file asks for one, and rewrites the metrics file where it names a
 * directory. A failure to write one file does not keep the other from being written.
 */
public final class RunOutputs {

    private final JobRepository jobs;
    private final JdbcTemplate jdbc;

    public RunOutputs(JobRepository jobs, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    /**
     * @param execution  the run's execution, ended
     * @param archive    the archive's identity in the catalog
     * @param exitCode   what the command returns
     * @param report     where the JSON report goes, or null for none
     * @param metricsDir where {@code sumlog.prom} goes, or null for none
     * @return the report (built whether or not it is written)
     * @throws IOException one line per file that could not be written, naming it
     */
    public RunReport publish(JobExecution execution, String archive, int exitCode, Path report, Path metricsDir)
            throws IOException {
        RunExitCodes.record(jobs, execution, exitCode);
        RunReport built = RunReports.of(execution, jdbc, archive, exitCode);
        List<IOException> failures = new ArrayList<>();
        if (report != null) {
            try {
                ReportFile.write(report, built);
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (metricsDir != null) {
            try {
                MetricsFile.write(metricsDir, new CatalogMetrics(jdbc, jobs).read(archive));
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IOException first = failures.get(0);
            String lines = String.join("; ", failures.stream().map(Throwable::getMessage).toList());
            IOException all = new IOException(lines, first);
            failures.stream().skip(1).forEach(all::addSuppressed);
            throw all;
        }
        return built;
    }
}
