package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.job.BackfillSpec;
import dev.sumlog.release.Layout;
import dev.sumlog.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileLoaderTest {

    @TempDir
    Path dir;

    @Test
    void bindsEveryFieldResolvesRelativePathsAgainstTheJobFileAndLetsFlagsWin() throws Exception {
        Files.createDirectories(dir.resolve("archive"));
        Path job = write("""
                source: archive
                out: out
                state: st
                layout: per-directory
                include: ["openstack/**"]
                exclude: ["**/*.qcow2"]
                mutable: ["*-master.*"]
                tuning:
                  threads: 3
                  chunk-size: 16
                """);
        JobFile file = JobFileLoader.load(job);
        JobFile flags = new JobFile(null, null, null, null, null, null, null, null, new JobFile.Tuning(1, null),
                null, null);

        BackfillSpec spec = JobFileLoader.resolve(file, flags, "job file");

        assertThat(spec.source()).isEqualTo(dir.resolve("archive").toRealPath());
        assertThat(spec.out()).isEqualTo(dir.resolve("out").toRealPath());
        assertThat(spec.state()).isEqualTo(dir.resolve("st"));
        assertThat(spec.layout()).isEqualTo(Layout.PER_DIRECTORY);
        assertThat(spec.include()).containsExactly("openstack/**");
        assertThat(spec.exclude()).containsExactly("**/*.qcow2");
        assertThat(spec.mutable()).containsExactly("*-master.*");
        assertThat(spec.threads()).isEqualTo(1);
        assertThat(spec.chunkSize()).isEqualTo(16);
    }

    @Test
    void errorsNameTheFileAndTheField() {
        assertThatThrownBy(() -> JobFileLoader.load(write("source: a\nlayuot: flat\n")))
                .isInstanceOf(UsageException.class).hasMessageContaining("job.yml").hasMessageContaining("'layuot'");
        assertThatThrownBy(() -> JobFileLoader.load(write("layout: flatt\n")))
                .hasMessageContaining("field 'layout'");
        assertThatThrownBy(() -> JobFileLoader.load(write("tuning:\n  threads: lots\n")))
                .hasMessageContaining("field 'tuning.threads'");
        assertThatThrownBy(() -> JobFileLoader.load(write("source: [unclosed\n")))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void refusesAnOutputInsideTheSourceUnlessTheJobFileAllowsIt() throws Exception {
        Trees.write(dir.resolve("archive/nova-1.0.tar.gz"), "x");
        JobFile inside = new JobFile(dir.resolve("archive"), dir.resolve("archive/sums"), null, null,
                List.of(), List.of(), null, null, null, null, null);
        JobFile none = JobFile.empty();

        assertThatThrownBy(() -> JobFileLoader.resolve(inside, none, "job file j"))
                .isInstanceOf(UsageException.class).hasMessageContaining("field 'out'").hasMessageContaining("write-into-source");
        JobFile allowed = new JobFile(inside.source(), inside.out(), null, null, null, null, null, true, null,
                null, null);
        assertThat(JobFileLoader.resolve(allowed, none, "job file j").writeIntoSource()).isTrue();
        assertThatThrownBy(() -> JobFileLoader.resolve(JobFile.empty(), none, "command line"))
                .hasMessage("command line: field 'source' is required (--source DIR)");
    }

    private Path write(String yaml) throws Exception {
        Path job = dir.resolve("job.yml");
        Files.writeString(job, yaml);
        return job;
    }
}
