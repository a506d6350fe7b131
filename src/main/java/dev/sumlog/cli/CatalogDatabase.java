package dev.sumlog.cli;

import java.nio.file.Path;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Where the catalog lives: the H2 file in the state directory, or the shared database an operator
 * names with {@code SPRING_DATASOURCE_URL} (PostgreSQL). One place for the URL, so the backfill's
 * context and the read-only commands always open the same database.
 */
final class CatalogDatabase {

    private CatalogDatabase() {
    }

    /**
     * The H2 URL of a state directory. DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook must not close
     * the database while a stopping job still writes its final status (Spring Batch 6 graceful-stop
     * trap). WRITE_DELAY=0: H2 otherwise writes commits to the file up to 500 ms later, so a SIGKILL
     * would lose committed chunks, and with them the record of log appends already made.
     */
    static String h2Url(Path stateDir) {
        return "jdbc:h2:file:" + stateDir.resolve("catalog").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** True when the operator points sumlog at a shared database instead of the state's H2 file. */
    static boolean isExternal() {
        return setting("SPRING_DATASOURCE_URL", "spring.datasource.url") != null;
    }

    /**
     * A plain data source for read-only commands: no Spring context, no migrations, no batch
     * machinery. The H2 file is opened read-only ({@code ACCESS_MODE_DATA=r}), so {@code status}
     * can never change a catalog. One connection serves every query and stays open until the caller
     * closes the data source: H2 closes an embedded database with its last connection, and opening
     * a catalog of 100,000 files again for each of a dozen queries cost seconds. Close it before the
     * same process opens the catalog read-write.
     */
    static SingleConnectionDataSource readOnly(Path stateDir) {
        if (isExternal()) {
            return new SingleConnectionDataSource(setting("SPRING_DATASOURCE_URL", "spring.datasource.url"),
                    setting("SPRING_DATASOURCE_USERNAME", "spring.datasource.username"),
                    setting("SPRING_DATASOURCE_PASSWORD", "spring.datasource.password"), true);
        }
        // IFEXISTS: a read-only look must never create an empty catalog.
        return new SingleConnectionDataSource(h2Url(stateDir) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", "sa", "", true);
    }

    /**
     * A plain read-write data source for short commands that change a few rows ({@code ack}) without
     * the Spring context; the caller holds the state lock. Like {@link #readOnly}, it never creates a
     * catalog (IFEXISTS) and serves every statement on one connection until closed.
     */
    static SingleConnectionDataSource readWrite(Path stateDir) {
        if (isExternal()) {
            return new SingleConnectionDataSource(setting("SPRING_DATASOURCE_URL", "spring.datasource.url"),
                    setting("SPRING_DATASOURCE_USERNAME", "spring.datasource.username"),
                    setting("SPRING_DATASOURCE_PASSWORD", "spring.datasource.password"), true);
        }
        return new SingleConnectionDataSource(h2Url(stateDir) + ";IFEXISTS=TRUE", "sa", "", true);
    }

    /**
     * A setting from a system property or the environment. Blank counts as unset: an empty
     * {@code SPRING_DATASOURCE_URL=} left in a unit's environment file must not send the catalog to
     * a database that is not the state's (Boot would make an in-memory one, and every run would
     * start from nothing and log every release again).
     */
    private static String setting(String environment, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
