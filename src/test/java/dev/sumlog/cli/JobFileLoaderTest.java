package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.sumlog.job.BackfillSpec;
import dev.sumlog.release.Layout;
import dev.sumlog.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        JobFile flags = JobFile.local(null, null, null, null, null, null, null, null, new JobFile.Tuning(1, null, null),
                null, null, null, null);

        BackfillSpec spec = JobFileLoader.resolve(file, flags, "job file");

        assertThat(spec.source()).isEqualTo(dir.resolve("archive").toRealPath());
        // Not created yet (Preflight does that), but already the real path it will have.
        assertThat(spec.out()).isEqualTo(dir.toRealPath().resolve("out"));
        assertThat(spec.state()).isEqualTo(dir.toRealPath().resolve("st"));
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("st")).doesNotExist();
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
        JobFile inside = JobFile.local(dir.resolve("archive"), dir.resolve("archive/sums"), null, null,
                List.of(), List.of(), null, null, null, null, null, null, null);
        JobFile none = JobFile.empty();

        assertThatThrownBy(() -> JobFileLoader.resolve(inside, none, "job file j"))
                .isInstanceOf(UsageException.class).hasMessageContaining("field 'out'").hasMessageContaining("write-into-source");
        JobFile allowed = JobFile.local(Path.of(inside.source()), inside.out(), dir.resolve("state"), null, null, null, null, true,
                null, null, null, null, null);
        assertThat(JobFileLoader.resolve(allowed, none, "job file j").writeIntoSource()).isTrue();
        assertThatThrownBy(() -> JobFileLoader.resolve(JobFile.empty(), none, "command line"))
                .hasMessage("command line: field 'source' is required (--source DIR or --source https://host/path/)");
    }

    @Test
    void archiveIdIsTheCatalogIdentityFallingBackToThePublicUrlThenTheFileUrl() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        String fileUrl = archive.toRealPath().toUri().toString();
        JobFile none = JobFile.empty();

        BackfillSpec plain = JobFileLoader.resolve(job(archive, null, null), none, "job file j");
        BackfillSpec published = JobFileLoader.resolve(job(archive, "https://tarballs.example.org/", null), none, "j");
        BackfillSpec named = JobFileLoader.resolve(JobFileLoader.load(write("""
                source: archive
                out: out
                state: state
                public-url: https://tarballs.example.org/
                archive-id: opendev-tarballs
                """)), none, "j");
        JobFile flag = JobFile.local(null, null, null, null, null, null, null, null, null, null, null, null, "from-flag");
        BackfillSpec flagged = JobFileLoader.resolve(job(archive, null, "from-file"), flag, "j");

        assertThat(plain.sourceId()).isEqualTo(fileUrl).isEqualTo(plain.publicSource());
        assertThat(published.sourceId()).isEqualTo("https://tarballs.example.org/").isEqualTo(published.publicSource());
        assertThat(named.sourceId()).isEqualTo("opendev-tarballs");
        assertThat(named.publicSource()).isEqualTo("https://tarballs.example.org/");
        assertThat(flagged.sourceId()).isEqualTo("from-flag");
        assertThat(flagged.publicSource()).isEqualTo(fileUrl);
    }

    @Test
    void publicUrlAndArchiveIdMistakesAreOneLineNamingTheFieldAndLine() throws Exception {
        Files.createDirectories(dir.resolve("archive"));
        String head = "source: archive\nout: out\n";
        assertLoad(head + "public-url: ftp://mirror.example.org/\n",
                "line 3: field 'public-url': scheme 'ftp' not allowed; expected http, https or file");
        assertLoad(head + "public-url: tarballs.opendev.org/\n",
                "line 3: field 'public-url': expected an absolute URL (http, https or file), got \"tarballs.opendev.org/\"");
        assertLoad(head + "public-url: https:///srv/x\n",
                "line 3: field 'public-url': an https URL needs a host, got \"https:///srv/x\"");
        assertLoad(head + "public-url: 'https://a b/'\n",
                "line 3: field 'public-url': not a URL: Illegal character in authority at index 8 in \"https://a b/\"");
        assertLoad(head + "archive-id: ''\n", "line 3: field 'archive-id': must not be empty");
        assertLoad(head + "archive-id: \"a\\tb\"\n",
                "line 3: field 'archive-id': control characters are not allowed, got \"a\\x09b\"");
        assertLoad(head + "archive-id: " + "x".repeat(1025) + "\n",
                "line 3: field 'archive-id': at most 1024 characters, got 1025");
        JobFile flags = JobFile.local(null, null, null, null, null, null, null, null, null, "mirror/", null, null, null);
        assertUsage(() -> JobFileLoader.resolve(job(dir.resolve("archive"), null, null), flags, "job file j"),
                "command line: field 'public-url' (--public-url): expected an absolute URL (http, https or file), "
                        + "got \"mirror/\"");
    }

    @Test
    void aGlobThatDoesNotCompileIsNamedWithItsIndex() throws Exception {
        assertLoad("include: ['[']\n", "line 1: field 'include[0]': bad glob '[': Missing ']' at index 0");
        assertLoad("exclude:\n  - '**/*.iso'\n  - 'a{b'\n", "line 3: field 'exclude[1]': bad glob 'a{b': Missing '}' at index 2");
        assertLoad("mutable: ['x', '[']\n", "line 1: field 'mutable[1]': bad glob '[': Missing ']' at index 0");
    }

    @Test
    void bindingErrorsNameTheFullFieldPathItsLineAndWhatWasExpected() throws Exception {
        assertLoad("source: a\nout: b\n\ntuning:\n  chunk-size: 4\n  # comment\n  threads: many\n",
                "line 7: field 'tuning.threads': expected a whole number, got \"many\"");
        assertLoad("log:\n  rate: fast\n", "line 2: field 'log.rate': expected a number, got \"fast\"");
        assertLoad("log:\n  attempts: 2.5\n", "line 2: field 'log.attempts': expected a whole number, got \"2.5\"");
        assertLoad("write-into-source: maybe\n", "line 1: field 'write-into-source': expected true or false, got \"maybe\"");
        assertLoad("layout: flatt\n", "line 1: field 'layout': expected flat or per-directory, got \"flatt\"");
        assertLoad("source: a\nlog: 5\n",
                "line 2: field 'log': expected a section with fields dir, origin, rate, burst, attempts, got \"5\"");
        assertLoad("tuning: fast\n", "line 1: field 'tuning': expected a section with fields threads, chunk-size, log-batch, got \"fast\"");
        assertLoad("source: a\nlayuot: flat\nlog:\n  rat: 1\n",
                "unknown field(s): 'layuot' (line 2), 'log.rat' (line 4)");
    }

    @Test
    void logSettingsOutOfRangeNameTheirField() throws Exception {
        Files.createDirectories(dir.resolve("archive"));
        JobFile negative = JobFileLoader.load(write("source: archive\nout: out\nlog:\n  rate: -1\n"));
        assertUsage(() -> JobFileLoader.resolve(negative, JobFile.empty(), "job file j"),
                "job file j: field 'log.rate': must be a number >= 0 (0 = unlimited), was -1.0");
        JobFile noBurst = JobFileLoader.load(write("source: archive\nout: out\nlog:\n  burst: 0\n"));
        assertUsage(() -> JobFileLoader.resolve(noBurst, JobFile.empty(), "job file j"),
                "job file j: field 'log.burst': must be >= 1, was 0");
    }

    @Test
    void theStateDirectoryMayNotBePublishedWithTheSourceOrTheOutput() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Files.createSymbolicLink(dir.resolve("link"), archive);
        JobFile none = JobFile.empty();

        assertUsage(() -> JobFileLoader.resolve(placed("archive", "out", "archive/.state"), none, "job file j"),
                "job file j: field 'state': " + dir.resolve("archive/.state") + " is inside the source archive; "
                        + "the catalog, the lock and the log's private key must not be published");
        // Through a link, and not existing yet: still inside.
        assertUsage(() -> JobFileLoader.resolve(placed("archive", "out", "link/new/state"), none, "j"),
                "j: field 'state': " + dir.resolve("link/new/state") + " is inside the source archive; "
                        + "the catalog, the lock and the log's private key must not be published");
        assertUsage(() -> JobFileLoader.resolve(placed("archive", "out", "out"), none, "j"),
                "j: field 'state': " + dir.resolve("out") + " is the output directory; "
                        + "the catalog, the lock and the log's private key must not be published");
        assertUsage(() -> JobFileLoader.resolve(placed("archive", "out", "out/state"), none, "j"),
                "j: field 'state': " + dir.resolve("out/state") + " is inside the output directory; "
                        + "the catalog, the lock and the log's private key must not be published");
        assertUsage(() -> JobFileLoader.resolve(placed("archive", "out", "."), none, "j"),
                "j: field 'source': " + archive + " is inside the state directory " + dir.resolve(".")
                        + "; the catalog, the lock and the log's private key must not be published");
        assertUsage(() -> JobFileLoader.resolve(placed("archive", "link", "state"), none, "j"),
                "j: field 'out': " + dir.resolve("link") + " is the source archive; "
                        + "set 'write-into-source: true' in the job file to allow writing there");
        assertThat(archive).isEmptyDirectory();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private JobFile job(Path source, String publicUrl, String archiveId) {
        return JobFile.local(source, dir.resolve("out"), dir.resolve("state"), null, null, null, null, null, null,
                publicUrl, null, null, archiveId);
    }

    private JobFile placed(String source, String out, String state) {
        return JobFile.local(dir.resolve(source), dir.resolve(out), dir.resolve(state), null, null, null, null, null,
                null, null, null, null, null);
    }

    /** Loads the YAML as job.yml and expects exactly "job file <path>: <message>", one line. */
    private void assertLoad(String yaml, String message) throws Exception {
        Path job = write(yaml);
        assertUsage(() -> JobFileLoader.load(job), "job file " + job + ": " + message);
    }

    private static void assertUsage(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(UsageException.class).hasMessage(message)
                .hasNoCause().extracting(Throwable::getMessage).asString().doesNotContain("\n");
    }

    @Test
    void everyShippedJobFileBindsAndTheOpendevOneReadsTheArchiveOverHttpWithItsChecks() throws Exception {
        try (var files = Files.list(Path.of("jobs"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".yml")).map(JobFileLoader::load)).hasSizeGreaterThan(3);
        }
        JobFile opendev = JobFileLoader.load(Path.of("jobs/opendev-tarballs.yml"));

        assertThat(opendev.source()).isEqualTo("https://tarballs.opendev.org/openstack/");
        assertThat(opendev.keyrings()).containsExactly(Path.of("/etc/sumlog/openstack-release-keys.asc"));
        assertThat(opendev.onBad()).isEqualTo("hold");
        assertThat(opendev.mutable()).contains("*-master.*", "*-stable-*");
        var http = new HttpSourceResolver("job file", Map.of()).resolve(opendev.source(), opendev.http());
        assertThat(http.root()).hasToString("https://tarballs.opendev.org/openstack/");
        assertThat(http.concurrency()).isEqualTo(4);
        assertThat(http.rate()).isEqualTo(5.0);
        assertThat(http.readTimeout()).hasSeconds(60);
        assertThat(http.fetch().userAgent()).startsWith("sumlog");
    }

    @Test
    void httpFieldsAreCheckedByNameAndHeaderValuesNeverAppearInMessages() throws Exception {
        Path file = Files.writeString(dir.resolve("job.yml"), """
                source: https://mirror.example/releases/
                out: out
                http:
                  rate: 0
                """);
        assertThatThrownBy(() -> JobFileLoader.resolve(JobFileLoader.load(file), JobFile.empty(), "job file j"))
                .hasMessageStartingWith("job file j: field 'http.rate': must be a number > 0");
        var resolver = new HttpSourceResolver("job file j", Map.of("TOKEN", "s3cret"));
        var withToken = resolver.resolve("https://mirror.example/releases", new JobFile.HttpConfig(null, null, null, null,
                Map.of("Authorization", "env:TOKEN"), "proxy.example:3128", null, null, null, null, null, null, null));
        assertThat(withToken.fetch().headers()).containsEntry("Authorization", "s3cret");
        assertThat(withToken.fetch().toString()).doesNotContain("s3cret");
        assertThat(withToken.root()).hasToString("https://mirror.example/releases/");
        assertThatThrownBy(() -> resolver.resolve("https://mirror.example/", new JobFile.HttpConfig(null, null, null, null,
                Map.of("Authorization", "env:MISSING"), null, null, null, null, null, null, null, null)))
                .hasMessage("job file j: field 'http.headers.Authorization': environment variable MISSING is not set");
        assertThatThrownBy(() -> resolver.resolve("https://mirror.example/?q=1", null))
                .hasMessageStartingWith("job file j: field 'source': source URL");
        assertThatThrownBy(() -> resolver.resolve("https://mirror.example/", new JobFile.HttpConfig(null, null, null, null,
                null, "no-port", null, null, null, null, null, null, null)))
                .hasMessage("job file j: field 'http.proxy': must be host:port, was 'no-port'");
    }

    @Test
    void onBadAndKeyringsAreCheckedBeforeAnythingStarts() throws Exception {
        Files.createDirectories(dir.resolve("archive"));
        Path bad = Files.writeString(dir.resolve("bad.yml"), "source: archive\nout: out\non-bad: ignore\n");
        assertThatThrownBy(() -> JobFileLoader.resolve(JobFileLoader.load(bad), JobFile.empty(), "job file j"))
                .hasMessage("job file j: field 'on-bad': must be 'flag' or 'hold', was 'ignore'");
        Path missing = Files.writeString(dir.resolve("missing.yml"), "source: archive\nout: out\nkeyrings: [nope.asc]\n");
        assertThatThrownBy(() -> JobFileLoader.resolve(JobFileLoader.load(missing), JobFile.empty(), "job file j"))
                .hasMessageStartingWith("job file j: field 'keyrings': ").hasMessageContaining("nope.asc");
    }

    private Path write(String yaml) throws Exception {
        Path job = dir.resolve("job.yml");
        Files.writeString(job, yaml);
        return job;
    }
}
