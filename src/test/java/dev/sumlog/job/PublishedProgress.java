package dev.sumlog.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line a running backfill last published in {@code <state>/progress} ({@link ProgressFile}),
 * parsed: which process, which step, and how far into it. The torture aims its signals by it, since
 * it is the one place that names a step the moment it starts.
 *
 * @param items done in this step execution (0 when it has just started)
 * @param toDo  the step's backlog when it started, or -1 when the step has none (crawl) or the line lacks it
 */
record PublishedProgress(long pid, String step, Phase phase, long items, long toDo) {

    enum Phase { STARTED, RUNNING, ENDED }

    private static final Pattern HEADER = Pattern.compile("run \\d+, pid (\\d+), at .*");
    private static final Pattern STARTED = Pattern.compile("(\\w+): started(?:, (\\d+) to do)?");
    /** {@code hash: 1200 of 3000 files, 400.0 of 1000.0 MB read, ...}, {@code crawl: 12000 files, ...} ({@code ProgressLine}). */
    private static final Pattern RUNNING = Pattern.compile("(\\w+): (\\d+)(?: of (\\d+))?(?: [a-z]+)?(?:,.*)?");
    private static final Pattern ENDED = Pattern.compile("(\\w+): (?:completed|stopped|failed|abandoned|unknown)(?:,.*)?");

    /** The published line, or null when there is none yet or it is half-read (the file is replaced atomically, so rarely). */
    static PublishedProgress parse(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\n");
        Matcher header = lines.length < 2 ? null : HEADER.matcher(lines[0]);
        if (header == null || !header.matches()) {
            return null;
        }
        long pid = Long.parseLong(header.group(1));
        Matcher m = STARTED.matcher(lines[1]);
        if (m.matches()) {
            return new PublishedProgress(pid, m.group(1), Phase.STARTED, 0, m.group(2) == null ? -1 : Long.parseLong(m.group(2)));
        }
        m = RUNNING.matcher(lines[1]);
        if (m.matches()) {
            return new PublishedProgress(pid, m.group(1), Phase.RUNNING, Long.parseLong(m.group(2)),
                    m.group(3) == null ? -1 : Long.parseLong(m.group(3)));
        }
        m = ENDED.matcher(lines[1]);
        return m.matches() ? new PublishedProgress(pid, m.group(1), Phase.ENDED, 0, -1) : null;
    }
}
