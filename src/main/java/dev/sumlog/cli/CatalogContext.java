package dev.sumlog.cli;

import dev.sumlog.job.BackfillContextConfiguration;
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

    static ConfigurableApplicationContext start(Path stateDir, String profile,
                                                Consumer<ConfigurableApplicationContext> beforeRefresh) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Defaults only: SPRING_DATASOURCE_URL (a shared PostgreSQL) overrides them.
        defaults.put("spring.datasource.url", CatalogDatabase.h2Url(stateDir));
        defaults.put("spring.datasource.username", "sa");
        defaults.put("spring.datasource.password", "");
        try (var catalog = CatalogDatabase.readOnly(stateDir)) {
            defaults.putAll(SchemaCheck.settings(catalog));
        }
        return new SpringApplicationBuilder(BackfillContextConfiguration.class)
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
