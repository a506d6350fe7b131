package dev.sumlog.catalog;

import dev.sumlog.release.ReleaseKey;
import dev.sumlog.release.SumsFileNames;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code reconcile --accept RELEASE --reason TEXT}: an operator's statement that a logged release's
 * change is legitimate. One transaction: the acceptance (naming the logged sums it supersedes, with the
 * reason), the release back to PENDING so the run writes its new sums, and its open alerts
 * acknowledged with the reason. The new sums are then logged as a new entry that names the superseded
 * one ({@code supersedes}); the superseded entry stays in the log. An acceptance applies to exactly
 * the logged content it names: a later change is a new alert.
 */
@Repository
public class ReleaseAcceptances {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AlertRepository alerts;

    public ReleaseAcceptances(JdbcTemplate jdbc, PlatformTransactionManager transactions, AlertRepository alerts) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.alerts = alerts;
    }

    /**
     * @param release the release's name ({@code openstack/nova/nova-27.0.0}) or its sums path
     * @param reason  why the change is legitimate: kept in the catalog, never sent to a log
     */
    public record Request(String release, String reason) {
    }

    /**
     * Records the acceptance and returns one line saying what was accepted.
     *
     * @throws IllegalArgumentException naming the release when it is unknown or has no change to accept
     */
    public String accept(String source, Request request) {
        return tx.execute(status -> {
            Found found = find(source, request.release());
            if (!ReleaseState.CHANGED.name().equals(found.state())) {
                throw new IllegalArgumentException("--accept: release '" + request.release() + "' has no change to accept (it is "
                        + found.state() + "; only a release whose logged sums changed, shown by its "
                        + AlertRepository.RELEASE_CHANGED + " alert, can be accepted)");
            }
            List<String> logged = jdbc.queryForList("SELECT sums_sha256 FROM submission WHERE release_id = ? AND state = ?"
                    + " ORDER BY id DESC", String.class, found.id(), SubmissionState.LOGGED.name());
            if (logged.isEmpty()) {
                throw new IllegalArgumentException("--accept: release '" + request.release() + "' was never logged");
            }
            String superseded = logged.get(0);
            jdbc.update("INSERT INTO release_acceptance (release_id, superseded_sha256, reason, accepted_at) VALUES (?, ?, ?, ?)",
                    found.id(), superseded, Sql.clip(request.reason(), 2048), Timestamp.from(Instant.now()));
            jdbc.update("UPDATE release_set SET state = ? WHERE id = ?", ReleaseState.PENDING.name(), found.id());
            int acknowledged = alerts.acknowledgeRelease(found.id(), "accepted: " + request.reason());
            return "accepted the change of " + found.key().displayName() + ": its logged sums (sha256 " + superseded
                    + ") will be superseded by a new entry; " + acknowledged + " alert(s) acknowledged";
        });
    }

    /** By sums path (a flat release's name plus the suffix is its sums path), or by name among the CHANGED releases. */
    private Found find(String source, String name) {
        List<Found> rows = jdbc.query("SELECT id, directory, project, version, state, sums_path FROM release_set WHERE source = ?"
                + " AND (sums_path IN (?, ?) OR state = ?)", (rs, n) -> new Found(rs.getLong(1),
                new ReleaseKey(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(5), rs.getString(6)),
                source, name, name + SumsFileNames.SUMS_SUFFIX, ReleaseState.CHANGED.name());
        return rows.stream().filter(r -> name.equals(r.sumsPath()) || name.equals(r.key().displayName())
                        || name.equals(r.key().sumsPath())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--accept: no release '" + name + "' in archive " + source
                        + " (give its name, e.g. openstack/nova/nova-27.0.0, or its sums path)"));
    }

    private record Found(long id, ReleaseKey key, String state, String sumsPath) {
    }
}
