package dev.sumlog.audit;

import dev.sumlog.job.BackfillSpec;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One audit: the backfill job it checks (archive, output tree, source), the job's logs opened for
 * auditing (keys read, nothing contacted yet), and the share of the archive's release files to read
 * again ({@code rehashPercent}, 0 < P <= 100, or empty for none).
 */
public record AuditSpec(BackfillSpec job, List<AuditedLog> logs, OptionalDouble rehashPercent) {

    public AuditSpec {
        logs = List.copyOf(logs);
        if (rehashPercent.isPresent() && !(rehashPercent.getAsDouble() > 0 && rehashPercent.getAsDouble() <= 100)) {
            throw new IllegalArgumentException("rehash percent must be in (0, 100], was " + rehashPercent.getAsDouble());
        }
    }
}
