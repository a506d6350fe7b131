package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.job.BackfillSpec;
import dev.sumlog.job.BackfillSpec.RemoteKind;
import dev.sumlog.job.BackfillSpec.RemoteLogSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code logs:} list of a job file: several logs per job, each checked field by field. */
class LogsJobFileTest {

    @TempDir
    Path dir;

    @BeforeEach
    void archive() throws Exception {
        Files.createDirectories(dir.resolve("archive"));
    }

    @Test
    void theIssuesExampleBindsEveryFieldWithPathsRelativeToTheJobFile() throws Exception {
        BackfillSpec spec = resolve("""
                logs:
                  - target: embedded
                    origin: example.org/log
                  - target: rekor-v2
                    url: https://LOG2025-1.rekor.sigstore.dev/
                    trusted-root: keys/trusted_root.json
                    signing-key: keys/release.key
                    timestamp-url: https://timestamp.sigstore.dev/api/v1/timestamp
                    rate: 5
                    burst: 1
                    concurrency: 4
                  - target: rekor-v1
                    url: https://rekor.sigstore.dev
                    log-key: rekor.pub
                    rate: 2.5
                    timeout: 45s
                """);

        assertThat(spec.embeddedLog()).isTrue();
        assertThat(spec.log().origin()).isEqualTo("example.org/log");
        assertThat(spec.remoteLogs()).hasSize(2);
        RemoteLogSpec v2 = spec.remoteLogs().get(0);
        assertThat(v2.kind()).isEqualTo(RemoteKind.REKOR_V2);
        assertThat(v2.url()).isEqualTo(URI.create("https://log2025-1.rekor.sigstore.dev"));
        assertThat(v2.trustedRoot()).isEqualTo(dir.resolve("keys/trusted_root.json"));
        assertThat(v2.signingKey()).isEqualTo(dir.resolve("keys/release.key"));
        assertThat(v2.timestampUrl()).isEqualTo(URI.create("https://timestamp.sigstore.dev/api/v1/timestamp"));
        assertThat(v2.policy().ratePerSecond()).isEqualTo(5.0);
        assertThat(v2.policy().burst()).isEqualTo(1);
        assertThat(v2.concurrency()).isEqualTo(4);
        assertThat(v2.timeout()).isEqualTo(Duration.ofSeconds(30));
        RemoteLogSpec v1 = spec.remoteLogs().get(1);
        assertThat(v1.kind()).isEqualTo(RemoteKind.REKOR_V1);
        assertThat(v1.logKey()).isEqualTo(dir.resolve("rekor.pub"));
        assertThat(v1.signingKey()).isNull();   // SUMLOG_SIGNING_KEY at run time
        assertThat(v1.concurrency()).isEqualTo(1);
        assertThat(v1.policy().ratePerSecond()).isEqualTo(2.5);
        assertThat(v1.timeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void theOldLogSectionStillMeansTheEmbeddedLogAlone() throws Exception {
        BackfillSpec spec = resolve("log:\n  origin: example.org/old\n");
        assertThat(spec.embeddedLog()).isTrue();
        assertThat(spec.log().origin()).isEqualTo("example.org/old");
        assertThat(spec.remoteLogs()).isEmpty();
    }

    @Test
    void aListWithoutTheEmbeddedLogLeavesItOut() throws Exception {
        BackfillSpec spec = resolve("""
                logs:
                  - target: rekor-v1
                    url: https://rekor.sigstore.dev
                    log-key: rekor.pub
                """);
        assertThat(spec.embeddedLog()).isFalse();
        assertThat(spec.remoteLogs()).extracting(RemoteLogSpec::kind).containsExactly(RemoteKind.REKOR_V1);
    }

    @Test
    void mistakesNameTheFieldWithItsIndexAndLine() throws Exception {
        assertError("logs:\n  - target: rekor-v3\n    url: https://x.example\n",
                "line 2: field 'logs[0].target': unknown log target 'rekor-v3'; expected embedded, rekor-v1, rekor-v2 or rget");
        assertError("logs:\n  - target: embedded\n  - target: rekor-v1\n    log-key: k.pub\n",
                "field 'logs[1].url': required (an http or https URL)");
        assertError("logs:\n  - target: rekor-v1\n    url: ftp://x.example/\n    log-key: k.pub\n",
                "line 3: field 'logs[0].url': expected an http or https URL with a host, got \"ftp://x.example/\"");
        assertError("logs:\n  - target: rekor-v1\n    url: https://x.example\n",
                "field 'logs[0].trusted-root': give exactly one of 'trusted-root' (Sigstore trusted_root.json) and "
                        + "'log-key' (the log's PEM public key)");
        assertError("logs:\n  - target: rekor-v2\n    url: https://x.example\n    log-key: k.pub\n",
                "field 'logs[0].timestamp-url': required for rekor-v2 (it returns no signed time; an RFC 3161 "
                        + "timestamp gives one, e.g. https://timestamp.sigstore.dev/api/v1/timestamp)");
        assertError("logs:\n  - target: rekor-v2\n    url: https://x.example\n    log-key: k.pub\n"
                        + "    timestamp-url: https://t.example\n    timestamp-chain: tsa.pem\n    timeout: 5s\n",
                "line 7: field 'logs[0].timeout': must be at least 20s for rekor-v2 (it answers once a checkpoint "
                        + "covers the entry), was 5s");
        assertError("logs:\n  - target: rekor-v1\n    url: https://x.example\n    log-key: k.pub\n    rate: 0\n",
                "line 5: field 'logs[0].rate': must be a number of requests per second > 0 (a public log is never "
                        + "unlimited), was 0.0");
        assertError("logs:\n  - target: embedded\n    url: https://x.example\n",
                "line 3: field 'logs[0].url': not a field of the embedded log (it takes dir, origin, rate, burst, attempts)");
        assertError("logs:\n  - target: rekor-v1\n    url: https://x.example\n    log-key: k.pub\n"
                        + "  - target: rekor-v1\n    url: https://X.example/\n    log-key: k.pub\n",
                "line 6: field 'logs[1].url': the log https://x.example is listed twice");
        assertError("log:\n  origin: a.example/log\nlogs:\n  - target: embedded\n",
                "field 'log': give either 'log' (the embedded log alone) or 'logs' (a list), not both");
        assertError("logs:\n  - target: rekor-v2\n    url: https://x.example\n    log-key: k.pub\n"
                        + "    timestamp-url: https://t.example\n",
                "field 'logs[0].timestamp-chain': required with 'log-key' and 'timestamp-url': the timestamp "
                        + "authority's certificate chain (PEM, leaf first) that its timestamps are verified with");
        assertError("logs:\n  - target: rekor-v1\n    url: https://x.example\n    log-key: k.pub\n    concurrency: 0\n",
                "line 5: field 'logs[0].concurrency': must be 1..64, was 0");
    }

    @Test
    void anRgetRecorderNeedsThePublicUrlOfTheOutputs() throws Exception {
        Path job = write("source: archive\nout: out\nlogs:\n  - target: rget\n    url: https://rget.example\n");
        assertThatThrownBy(() -> JobFileLoader.resolve(JobFileLoader.load(job), JobFile.empty(), "job file j"))
                .isInstanceOf(UsageException.class).hasMessageContaining("field 'public-url' is required with an rget");
    }

    private BackfillSpec resolve(String logs) throws Exception {
        Path job = write("source: archive\nout: out\n" + logs);
        return JobFileLoader.resolve(JobFileLoader.load(job), JobFile.empty(), "job file " + job);
    }

    /** Expects "job file <path>: <message>" (the line, when given, comes from the YAML as written below). */
    private void assertError(String logs, String message) throws Exception {
        Path job = write(logs);
        assertThatThrownBy(() -> JobFileLoader.load(job)).isInstanceOf(UsageException.class)
                .hasMessage("job file " + job + ": " + message);
    }

    private Path write(String yaml) throws Exception {
        Path job = dir.resolve("job.yml");
        Files.writeString(job, yaml);
        return job;
    }
}
