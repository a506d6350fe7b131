package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The schema work a backfill skips is skipped only when there is truly none to do. */
class SchemaCheckTest {

    @TempDir
    Path state;

    @Test
    void latestVersionIsTheNewestMigration() throws Exception {
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = migrations.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(SchemaCheck.LATEST_VERSION).isEqualTo(Integer.toString(newest));
        }
    }

    @Test
    void onlyACatalogWithBatchTablesAndTheNewestMigrationIsCurrent() {
        DriverManagerDataSource catalog = new DriverManagerDataSource(CatalogDatabase.h2Url(state), "sa", "");

        assertThat(SchemaCheck.isCurrent(CatalogDatabase.readOnly(state))).as("no catalog file yet").isFalse();
        assertThat(Files.exists(state.resolve("catalog.mv.db"))).as("the check creates nothing").isFalse();

        Flyway.configure().dataSource(catalog).locations("classpath:db/migration").target("2").load().migrate();
        assertThat(SchemaCheck.isCurrent(catalog)).as("behind: V2, no batch tables").isFalse();

        Flyway.configure().dataSource(catalog).locations("classpath:db/migration").load().migrate();
        assertThat(SchemaCheck.isCurrent(catalog)).as("newest migration, still no batch tables").isFalse();
        assertThat(SchemaCheck.settings(catalog)).containsEntry("spring.flyway.enabled", true)
                .containsEntry("spring.batch.jdbc.initialize-schema", "always");

        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
                .execute(catalog);
        assertThat(SchemaCheck.isCurrent(catalog)).isTrue();
        assertThat(SchemaCheck.settings(catalog)).containsEntry("spring.flyway.enabled", false)
                .containsEntry("spring.batch.jdbc.initialize-schema", "never");
    }
}
