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
import org.springframework.core.env.MapPropertySource;

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
        // The state's H2 file unless SPRING_DATASOURCE_URL names a shared database (PostgreSQL). Put
        // first, not as defaults, so that a blank SPRING_DATASOURCE_URL cannot override it.
        Map<String, Object> h2 = CatalogDatabase.isExternal() ? Map.of() : Map.of(
                "spring.datasource.url", CatalogDatabase.h2Url(stateDir),
                "spring.datasource.username", "sa",
                "spring.datasource.password", "");
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
                .initializers(ctx -> {
                    ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sumlog-catalog", h2));
                    beforeRefresh.accept(ctx);
                })
                .run();
    }
}
