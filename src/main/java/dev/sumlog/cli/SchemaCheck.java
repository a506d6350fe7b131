package dev.sumlog.cli;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Decides, before the Spring context starts, whether the catalog's schema needs any work. On every
 * run but the first (or the first after an upgrade) it does not, and then neither Flyway (whose
 * bean and its checks cost seconds of start-up) nor Spring Batch's schema script (which re-runs its
 * CREATE TABLEs and lets them fail) has to run at all.
 */
final class SchemaCheck {

    /** The newest migration in {@code db/migration}; {@code SchemaCheckTest} keeps it true. */
    static final String LATEST_VERSION = "6";

    private SchemaCheck() {
    }

    /** Boot settings for the context: schema initialisation only when the catalog is behind. */
    static Map<String, Object> settings(DataSource catalog) {
        boolean current = isCurrent(catalog);
        return Map.of("spring.flyway.enabled", !current,
                "spring.batch.jdbc.initialize-schema", current ? "never" : "always");
    }

    /** True when Spring Batch's tables exist and Flyway has applied the newest migration. */
    static boolean isCurrent(DataSource catalog) {
        try (Connection connection = catalog.getConnection()) {
            if (!hasTable(connection, "BATCH_JOB_INSTANCE") || !hasTable(connection, "flyway_schema_history")) {
                return false;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" "
                         + "WHERE \"version\" = '" + LATEST_VERSION + "' AND \"success\" = TRUE")) {
                return rs.next() && rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            return false;   // let Flyway and Spring Batch look at it, and report what they find
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : new String[] {name, name.toUpperCase(), name.toLowerCase()}) {
            try (ResultSet tables = meta.getTables(null, null, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
