package dev.sumlog.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The results of one verification, in the order the checks ran. The file is verified when no
 * check failed; a skipped check (the log was unreachable) does not fail it but is said so.
 */
public record VerifyReport(List<CheckResult> results) {

    public VerifyReport {
        results = List.copyOf(results);
    }

    /**
     * Runs the artifact's own check, then a chain of checks up to its first failure (each link
     * relies on the one before), telling {@code listener} each result as it is known.
     */
    static VerifyReport run(CheckResult first, List<Supplier<CheckResult>> chain, Consumer<CheckResult> listener) {
        List<CheckResult> results = new ArrayList<>();
        results.add(first);
        listener.accept(first);
        for (Supplier<CheckResult> step : chain) {
            CheckResult result = step.get();
            results.add(result);
            listener.accept(result);
            if (result.failed()) {
                break;
            }
        }
        return new VerifyReport(results);
    }

    public boolean passed() {
        return results.stream().noneMatch(CheckResult::failed);
    }

    /** The last output line: {@code result: verified}, with a note on skipped checks, or which checks failed. */
    public String summary() {
        if (!passed()) {
            return "result: NOT verified (failed: " + labels(CheckResult.Status.FAIL) + ")";
        }
        String skipped = labels(CheckResult.Status.SKIP);
        return skipped.isEmpty() ? "result: verified" : "result: verified, except " + skipped + " (skipped)";
    }

    private String labels(CheckResult.Status status) {
        return results.stream().filter(r -> r.status() == status).map(r -> r.check().label())
                .collect(Collectors.joining(", "));
    }
}
