package dev.sumlog.submit.remote;

import dev.sumlog.submit.SubmitPolicy;
import java.util.List;

/**
 * The remote logs of a backfill, opened before the Spring context starts (keys read, trusted roots
 * parsed), so that a missing key or a bad trusted root is one line and exit 2, not a bean failure.
 */
public record RemoteLogs(List<Opened> logs) {

    public RemoteLogs {
        logs = List.copyOf(logs);
    }

    public static RemoteLogs none() {
        return new RemoteLogs(List.of());
    }

    /** One log with how fast and how widely it may be sent to. */
    public record Opened(RemoteLog log, SubmitPolicy policy, int concurrency) {
    }
}
