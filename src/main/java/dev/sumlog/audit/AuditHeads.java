package dev.sumlog.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The view of each log that {@code checkLogs} verified (its checkpoint signed by the trusted key),
 * handed to {@code checkEntries} so that entries are checked against that very tree. One audit run
 * per context: audits are never resumed (each is a new job instance), so this lives in memory.
 */
public class AuditHeads {

    private final Map<String, LogView> views = new HashMap<>();

    public synchronized void put(String logId, LogView view) {
        views.put(logId, view);
    }

    public synchronized Optional<LogView> view(String logId) {
        return Optional.ofNullable(views.get(logId));
    }
}
