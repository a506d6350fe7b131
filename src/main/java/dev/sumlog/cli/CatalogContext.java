package dev.sumlog.cli;

import dev.sumlog.SumlogApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context over a state directory: the H2 catalog file (JobRepository and sumlog's
 * tables in one database), Flyway migrations, and the beans of the given profiles.
 */
final class CatalogContext {

    private CatalogContext() {
    }

    /**
     * True when the operator points sumlog at a shared database (PostgreSQL) instead of the H2 file
     * in the state directory; Boot reads the same two settings.
     */
    static boolean usesExternalDatabase() {
        return System.getenv("SPRING_DATASOURCE_URL") != null || System.getProperty("spring.datasource.url") != null;
    }

    static ConfigurableApplicationContext start(Path stateDir, String profile,
                                                Consumer<ConfigurableApplicationContext> beforeRefresh) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook must not close the database while a stopping
        // job still writes its final status (Spring Batch 6 graceful-stop trap).
        // WRITE_DELAY=0: H2 otherwise writes commits to the file up to 500 ms later, so a SIGKILL
        // would lose committed chunks, and with them the record of log appends already made.
        defaults.put("spring.datasource.url", "jdbc:h2:file:" + stateDir.resolve("catalog").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        defaults.put("spring.datasource.username", "sa");
        defaults.put("spring.datasource.password", "");
        return new SpringApplicationBuilder(SumlogApplication.class)
                .properties(defaults)
                .profiles(profile)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .initializers(beforeRefresh::accept)
                .run();
    }
}
