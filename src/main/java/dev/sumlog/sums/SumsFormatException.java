package dev.sumlog.sums;

/** A SHA256SUMS file (or a line list for one) that sumlog will not read or write; names the line. */
public class SumsFormatException extends IllegalArgumentException {

    private final int lineNumber;

    public SumsFormatException(int lineNumber, String message) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + message : message);
        this.lineNumber = lineNumber;
    }

    /** 1-based line number of the offending line, or 0 when the problem is not tied to one line. */
    public int lineNumber() {
        return lineNumber;
    }
}
