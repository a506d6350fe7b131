package dev.sumlog.tlog.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.FakeTsa;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client stores is an ordinary RFC 3161 reply: {@code openssl ts -verify} accepts it for the
 * signature bytes with FakeTsa's chain, so other tools can check sumlog's bundles.
 */
class OpensslInteropTest {

    @Test
    void opensslVerifiesAStoredTimestamp(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(opensslPresent(), "openssl not on PATH; skipping");
        byte[] signature = "signature to timestamp".getBytes(StandardCharsets.UTF_8);
        try (FakeTsa tsa = FakeTsa.start()) {
            byte[] stored = new TimestampClient(HttpClient.newHttpClient(), tsa.url(), Duration.ofSeconds(20)).timestamp(signature);
            Files.write(dir.resolve("reply.tsr"), stored);
            Files.write(dir.resolve("data.bin"), signature);
            List<X509Certificate> chain = tsa.chain();
            Files.writeString(dir.resolve("root.pem"), pem(chain.subList(chain.size() - 1, chain.size())));
            Files.writeString(dir.resolve("untrusted.pem"), pem(chain.subList(0, chain.size() - 1)));

            assertThat(openssl(dir, "data.bin")).contains("Verification: OK");
            Files.write(dir.resolve("other.bin"), "another signature".getBytes(StandardCharsets.UTF_8));
            assertThat(openssl(dir, "other.bin")).doesNotContain("Verification: OK");
        }
    }

    private static String openssl(Path dir, String data) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("openssl", "ts", "-verify", "-in", "reply.tsr", "-data", data,
                "-CAfile", "root.pem", "-untrusted", "untrusted.pem")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static boolean opensslPresent() {
        try {
            return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String pem(List<X509Certificate> certificates) throws CertificateEncodingException {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            out.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return out.toString();
    }
}
