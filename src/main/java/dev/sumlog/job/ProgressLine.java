package dev.sumlog.job;

import dev.sumlog.catalog.Backlog;
import java.util.Optional;

/**
 * The text of one progress line: what a step has done, of how much when the backlog is known, its
 * rate, and the time left: {@code hash: 1200 of 3000 files, 400.0 of 1000.0 MB read, 240 files/s,
 * 80 MB/s, ETA 8 s}. The ETA comes from the done fraction, by bytes where the backlog has them (one large file
 * is most of the work), else by items.
 */
record ProgressLine(String step, long items, long bytes, Backlog backlog, double seconds) {

    /** What a step's items are, by its name (remote logs' steps are named {@code submit-log1-host} etc.). */
    static String unitOf(String step) {
        return switch (base(step)) {
            case "crawl", "hash" -> "files";
            case "writeSums" -> "releases";
            case "submit", "prepareSubmissions" -> "entries";
            case "restoreReceipts" -> "receipts";
            default -> "items";
        };
    }

    private static String base(String step) {
        return step.contains("-") ? step.substring(0, step.indexOf('-')) : step;
    }

    /**
     * What the step did with its bytes: the crawl lists files (their sizes, read by the hash step
     * later), every other step that counts bytes reads them.
     */
    static String bytesVerb(String step) {
        return base(step).equals("crawl") ? "listed" : "read";
    }

    @Override
    public String toString() {
        String unit = unitOf(step);
        StringBuilder line = new StringBuilder(step).append(": ").append(items);
        if (backlog != null) {
            line.append(" of ").append(backlog.items());
        }
        line.append(' ').append(unit);
        if (bytes > 0 || backlog != null && backlog.bytes() > 0) {
            line.append(", ").append(megabytes(bytes));
            if (backlog != null && backlog.bytes() > 0) {
                line.append(" of ").append(megabytes(backlog.bytes()));
            }
            line.append(" MB ").append(bytesVerb(step));
        }
        double elapsed = Math.max(seconds, 1e-3);
        line.append(", ").append(Math.round(items / elapsed)).append(' ').append(unit).append("/s");
        if (bytes > 0 && bytesVerb(step).equals("read")) {
            line.append(", ").append(Math.round(bytes / 1e6 / elapsed)).append(" MB/s");
        }
        eta().ifPresent(eta -> line.append(", ETA ").append(eta));
        return line.toString();
    }

    private Optional<String> eta() {
        if (backlog == null) {
            return Optional.empty();
        }
        double done = backlog.bytes() > 0 && bytes > 0 ? (double) bytes / backlog.bytes()
                : backlog.items() > 0 ? (double) items / backlog.items() : 0;
        if (done <= 0 || done >= 1) {
            return Optional.empty();
        }
        return Optional.of(duration(seconds * (1 - done) / done));
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f", bytes / 1e6);
    }

    /** {@code 45 s}, {@code 12 min 5 s}, {@code 3 h 20 min}: what a person reads at a glance. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 120) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
