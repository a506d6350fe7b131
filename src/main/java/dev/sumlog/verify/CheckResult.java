package dev.sumlog.verify;

import dev.sumlog.support.OneLine;
import java.util.Objects;

/**
 * The outcome of one check, printed as one line: {@code ok   <check>: <detail>},
 * {@code FAIL <check>: <reason>} or {@code skip <check>: <reason>}.
 *
 * <p>Invariant: {@code detail} holds no control characters (they are escaped on construction), so
 * a file name with a line break, or an exception message quoting one, cannot forge an extra
 * {@code ok} line in the output.
 */
public record CheckResult(Status status, Check check, String detail) {

    /** How a check ended; the label is padded so details line up. */
    public enum Status {
        OK("ok  "), FAIL("FAIL"), SKIP("skip");

        private final String label;

        Status(String label) {
            this.label = label;
        }
    }

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(check, "check");
        detail = OneLine.escape(Objects.requireNonNull(detail, "detail"));
    }

    public static CheckResult ok(Check check, String detail) {
        return new CheckResult(Status.OK, check, detail);
    }

    public static CheckResult fail(Check check, String reason) {
        return new CheckResult(Status.FAIL, check, reason);
    }

    public static CheckResult skip(Check check, String reason) {
        return new CheckResult(Status.SKIP, check, reason);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }

    /** The output line, without a line terminator. */
    public String line() {
        return status.label + " " + check.label() + ": " + detail;
    }
}
