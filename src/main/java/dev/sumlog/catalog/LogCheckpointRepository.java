package dev.sumlog.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The newest checkpoint sumlog has verified for each log: every later one must extend it. */
@Repository
public class LogCheckpointRepository {

    private final JdbcTemplate jdbc;

    public LogCheckpointRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> note(String logId) {
        List<String> notes = jdbc.queryForList("SELECT note FROM log_checkpoint WHERE log_id = ?", String.class, logId);
        return notes.stream().findFirst();
    }

    public void save(String logId, long size, String rootHex, String note) {
        int updated = jdbc.update("UPDATE log_checkpoint SET tree_size = ?, root_hash = ?, note = ? WHERE log_id = ?",
                size, rootHex, note, logId);
        if (updated == 0) {
            jdbc.update("INSERT INTO log_checkpoint (log_id, tree_size, root_hash, note) VALUES (?, ?, ?, ?)",
                    logId, size, rootHex, note);
        }
    }

    /** Keeps a checkpoint an audit verified to extend the trusted one, with when it was verified. */
    public void saveVerified(String logId, long size, String rootHex, String note, Instant verifiedAt) {
        save(logId, size, rootHex, note);
        jdbc.update("UPDATE log_checkpoint SET verified_at = ? WHERE log_id = ?", Timestamp.from(verifiedAt), logId);
    }
}
