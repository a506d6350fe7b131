package dev.sumlog.cli;

/** Process exit codes; documented in the README and kept stable across releases. */
public final class ExitCodes {

    /** The run completed and everything was taken in. */
    public static final int OK = 0;
    /** The run failed or was stopped; running the same command again resumes it. */
    public static final int FAILED = 1;
    /** Usage or configuration error; nothing was started. */
    public static final int USAGE = 2;
    /** The run completed and raised alerts. */
    public static final int ALERTS = 3;
    /** The run completed, but some inputs were skipped (each named in the output). */
    public static final int SKIPPED = 4;

    private ExitCodes() {
    }
}
