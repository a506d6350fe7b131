package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.fakes.FakeRekorV1;
import dev.sumlog.fakes.FakeRekorV2;
import dev.sumlog.job.BackfillSpec;
import dev.sumlog.signing.KeyPairFiles;
import dev.sumlog.submit.remote.RemoteLogs;
import dev.sumlog.testing.FakeTsa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a job's remote logs: every missing or wrong key is one line naming the field and file, before anything starts. */
class RemoteLogOpenerTest {

    @TempDir
    Path dir;
    FakeRekorV1 v1;
    FakeRekorV2 v2;
    FakeTsa tsa;

    @BeforeEach
    void start() throws Exception {
        v1 = FakeRekorV1.start();
        v2 = FakeRekorV2.start();
        tsa = FakeTsa.start();
        Files.createDirectories(dir.resolve("archive"));
        KeyPairFiles.create(dir.resolve("keys"));
        Files.writeString(dir.resolve("v1.pub"), v1.logKeyPem());
        Files.writeString(dir.resolve("v2.pub"), pem(v2.logKey().getEncoded()));
        Files.writeString(dir.resolve("tsa.pem"), tsa.chain().stream().map(c -> {
            try {
                return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining()));
    }

    @AfterEach
    void stop() {
        v1.close();
        v2.close();
        tsa.close();
    }

    @Test
    void opensEachKindWithItsKeysAndNamesTheBundlesOfASecondSigstoreLogByHost() {
        RemoteLogs logs = open("""
                  - target: rekor-v1
                    url: %s
                    log-key: v1.pub
                    signing-key: keys/release.key
                  - target: rekor-v2
                    url: %s
                    log-key: v2.pub
                    signing-key: keys/release.key
                    timestamp-url: %s
                    timestamp-chain: tsa.pem
                """.formatted(v1.url(), v2.url(), tsa.url()), Map.of());
        assertThat(logs.logs()).hasSize(2);
        assertThat(logs.logs().get(0).log().receiptSuffix()).isEqualTo(".sigstore.json");
        assertThat(logs.logs().get(1).log().receiptSuffix()).isEqualTo(".127.0.0.1.sigstore.json");
        assertThat(logs.logs().get(1).concurrency()).isEqualTo(4);
    }

    @Test
    void theSigningKeyMayComeFromTheEnvironmentAndItsAbsenceIsOneLine() {
        String job = """
                  - target: rekor-v1
                    url: %s
                    log-key: v1.pub
                """.formatted(v1.url());
        assertThat(open(job, Map.of("SUMLOG_SIGNING_KEY", dir.resolve("keys/release.key").toString())).logs()).hasSize(1);
        assertThatThrownBy(() -> open(job, Map.of())).isInstanceOf(UsageException.class)
                .hasMessage("logs[0] (" + v1.url() + "): no signing key: set 'signing-key' in the job file or "
                        + "SUMLOG_SIGNING_KEY to the private key's path (scripts/sumlog keygen makes one)");
    }

    @Test
    void wrongKeysAreOneLineNamingTheFieldAndFile() throws Exception {
        assertThatThrownBy(() -> open("""
                  - target: rekor-v2
                    url: %s
                    log-key: v1.pub
                    signing-key: keys/release.key
                    timestamp-url: %s
                    timestamp-chain: tsa.pem
                """.formatted(v2.url(), tsa.url()), Map.of())).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("logs[0]: the key of " + v2.url() + " is PKIX_ECDSA_P256_SHA_256; a rekor-v2 log "
                        + "signs with Ed25519");
        Files.writeString(dir.resolve("root.json"), "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"tlogs\":[]}");
        assertThatThrownBy(() -> open("""
                  - target: rekor-v1
                    url: %s
                    trusted-root: root.json
                    signing-key: keys/release.key
                """.formatted(v1.url()), Map.of())).isInstanceOf(UsageException.class)
                .hasMessage("logs[0].trusted-root: " + dir.resolve("root.json") + " lists no log at " + v1.url());
        Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        assertThatThrownBy(() -> open("""
                  - target: rekor-v2
                    url: %s
                    log-key: v2.pub
                    signing-key: keys/release.key
                    timestamp-url: %s
                    timestamp-chain: garbage.pem
                """.formatted(v2.url(), tsa.url()), Map.of())).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("logs[0].timestamp-chain: " + dir.resolve("garbage.pem"));
        assertThatThrownBy(() -> open("""
                  - target: rekor-v1
                    url: %s
                    log-key: v1.pub
                    signing-key: keys/missing.key
                """.formatted(v1.url()), Map.of())).isInstanceOf(UsageException.class)
                .hasMessageContaining(dir.resolve("keys/missing.key").toString()).message().doesNotContain("\n");
    }

    private RemoteLogs open(String logs, Map<String, String> env) {
        try {
            Path job = dir.resolve("job.yml");
            Files.writeString(job, "source: archive\nout: out\nlogs:\n" + logs);
            BackfillSpec spec = JobFileLoader.resolve(JobFileLoader.load(job), JobFile.empty(), "job file " + job);
            return RemoteLogOpener.open(spec.remoteLogs(), env);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(byte[] spki) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";
    }
}
