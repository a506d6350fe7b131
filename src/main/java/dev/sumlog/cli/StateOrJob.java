package dev.sumlog.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --state DIR | --job FILE}: how commands that act on a state's runs are told where it is, the
 * same way the run itself was (a systemd unit or cron line names only the job file).
 */
class StateOrJob {

    @Option(names = "--state", paramLabel = "DIR", description = "Catalog and run state (default: ./state).")
    Path state;

    @Option(names = "--job", paramLabel = "FILE", description = "Job file (YAML) whose state directory to use.")
    Path job;

    /** The state directory named, the job file's (relative to the file), or ./state. */
    Path stateDir() {
        if (state != null && job != null) {
            throw new UsageException("--state and --job both name the state directory; give one of them");
        }
        if (job != null) {
            Path fromJob = JobFileLoader.load(job).state();
            // the default a job file without `state:` runs with (JobFileLoader.resolve)
            return fromJob != null ? fromJob : Path.of("state");
        }
        return state != null ? state : Path.of("state");
    }

    /** Which option named the directory, for messages. */
    String option() {
        return job != null ? "job file " + job : "--state";
    }
}
