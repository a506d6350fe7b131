package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.SumlogProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An empty {@code spring.datasource.url} (an environment file with {@code SPRING_DATASOURCE_URL=})
 * is no database setting at all: the catalog stays the state's H2 file, so a second run continues
 * the first instead of starting from nothing and logging every release again.
 */
class BlankDatabaseUrlProcessTest {

    @TempDir
    Path dir;

    @Test
    void aBlankDatabaseUrlStillUsesTheStatesCatalog() throws Exception {
        Path source = dir.resolve("archive");
        FixtureGenerator.generate(source, Tier.SMALL, 2);
        String[] args = {"backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", dir.resolve("state").toString()};
        SumlogProcess.Result second = null;
        for (int run = 1; run <= 2; run++) {
            SumlogProcess.Result result = SumlogProcess.start(dir, List.of("-Dspring.datasource.url="), false, args)
                    .await(Duration.ofMinutes(3));
            assertThat(result.exitCode()).as(result.output()).isZero();
            second = result;
        }

        assertThat(dir.resolve("state/catalog.mv.db")).isRegularFile();
        assertThat(second.output()).contains("run 1 complete; starting a new run");
        long logged = Long.parseLong(Files.readAllLines(dir.resolve("state/log/checkpoint")).get(1));
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            assertThat(logged).as("one entry per release, none logged twice")
                    .isEqualTo(files.filter(f -> f.toString().endsWith(".SHA256SUMS")).count());
        }
    }
}
