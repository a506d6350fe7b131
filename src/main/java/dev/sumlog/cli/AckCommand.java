package dev.sumlog.cli;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.AlertRepository.Stored;
import dev.sumlog.support.Failures;
import dev.sumlog.support.OneLine;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sumlog ack}: records that alerts were looked at, and why they need nothing more. All or
 * nothing: when one id names no alert or one already acknowledged, nothing is acknowledged, so a
 * typo in a list never leaves the operator guessing which of the others went through.
 *
 * <p>Quick and without Spring: one plain read-write JDBC connection, under the state lock (a running
 * backfill holds it, and H2 admits one process). It changes two columns of existing rows, so it never
 * upgrades a catalog: an older schema is refused and the next backfill upgrades it.
 */
@Command(name = "ack", mixinStandardHelpOptions = true,
        description = {"Acknowledge alerts by id (as `sumlog status --alerts` lists them), with the reason kept beside them.",
                "All or nothing: an unknown or already acknowledged id acknowledges none of them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:acknowledged", "2:usage error, unknown or already acknowledged id, no or older catalog, "
                + "or another sumlog process holds the state; nothing was acknowledged"})
class AckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ALERT", arity = "1..*", description = "Alert ids.")
    List<Long> ids;

    @Option(names = "--reason", paramLabel = "TEXT", required = true,
            description = "Why the alerts need no more action (kept in the catalog with them).")
    String reason;

    @Option(names = "--state", paramLabel = "DIR", description = "Catalog and run state (default: ./state).")
    Path state = Path.of("state");

    @Override
    public Integer call() throws Exception {
        if (reason.isBlank()) {
            throw new UsageException("--reason: say why the alerts need no more action; it is kept with them");
        }
        Path dir = ExistingState.require(state, "--state");
        try (StateLock lock = StateLock.acquire(dir); var catalog = CatalogDatabase.readWrite(dir)) {
            try {
                catalog.getConnection();   // the one connection every statement below shares
            } catch (SQLException e) {
                throw new UsageException("--state: cannot open the catalog in " + dir + ": " + Failures.oneLine(e));
            }
            if (!SchemaCheck.isCurrent(catalog)) {
                throw new UsageException("--state: the catalog in " + dir + " is older than this sumlog; "
                        + "run a backfill once to upgrade it, then acknowledge");
            }
            AlertRepository alerts = new AlertRepository(new JdbcTemplate(catalog));
            List<Stored> acknowledged = new TransactionTemplate(new DataSourceTransactionManager(catalog))
                    .execute(tx -> acknowledge(alerts, List.copyOf(new LinkedHashSet<>(ids))));
            acknowledged.forEach(a -> System.out.println("acknowledged alert " + a.id() + ": " + OneLine.escape(a.kind())
                    + " " + OneLine.escape(a.subject())));
            return ExitCodes.OK;
        }
    }

    /** Checks every id, then acknowledges them all; any refusal rolls the whole transaction back. */
    private List<Stored> acknowledge(AlertRepository alerts, List<Long> wanted) {
        Map<Long, Stored> known = alerts.list(true).stream().collect(Collectors.toMap(Stored::id, Function.identity()));
        List<String> refused = new ArrayList<>();
        for (long id : wanted) {
            Stored alert = known.get(id);
            if (alert == null) {
                refused.add("no alert " + id);
            } else if (!alert.open()) {
                refused.add("alert " + id + " was acknowledged already ("
                        + DateTimeFormatter.ISO_INSTANT.format(alert.acknowledgedAt().truncatedTo(ChronoUnit.SECONDS)) + ")");
            }
        }
        if (!refused.isEmpty()) {
            throw new UsageException("nothing acknowledged: " + String.join("; ", refused));
        }
        for (long id : wanted) {
            if (!alerts.acknowledge(id, reason)) {
                throw new IllegalStateException("nothing acknowledged: alert " + id + " changed while it was acknowledged");
            }
        }
        return wanted.stream().map(known::get).toList();
    }
}
