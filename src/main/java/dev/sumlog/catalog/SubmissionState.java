package dev.sumlog.catalog;

/**
 * Where a submission row stands (see the state table in the README):
 * <pre>
 * (new, entry persisted by prepareSubmissions) PENDING ──submit: appended or found, verified──> LOGGED
 * </pre>
 * A PENDING row may carry {@code expected_index}: an append was about to give it that index, so
 * the next attempt looks there before appending again.
 */
public enum SubmissionState {
    /** The exact entry is stored; not yet known to be in the log. */
    PENDING,
    /** In the log at {@code log_index}, with a verified receipt. */
    LOGGED
}
