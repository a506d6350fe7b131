package dev.sumlog.tlog.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.Vectors;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real RFC 3161 timestamp from Sigstore's staging TSA (timestamp.sigstage.dev), in the Rekor v2
 * bundle recorded by sigstore-python, checked against the TSA chain of the matching staging trusted
 * root. See the vectors' README for provenance.
 */
class SigstoreTimestampVectorTest {

    private static final String BUNDLE = "sigstore-python/staging-rekor-v2.txt.sigstore.json";

    private record Recorded(byte[] signedTimestamp, byte[] signature) {
    }

    private static Recorded recorded() {
        JsonNode bundle = JsonMapper.builder().build().readTree(Vectors.text(BUNDLE));
        String timestamp = bundle.path("verificationMaterial").path("timestampVerificationData")
                .path("rfc3161Timestamps").path(0).path("signedTimestamp").asString();
        String signature = bundle.path("messageSignature").path("signature").asString();
        return new Recorded(Base64.getDecoder().decode(timestamp), Base64.getDecoder().decode(signature));
    }

    private static List<TrustedTsa> tsas(String trustedRoot) {
        return dev.sumlog.tlog.sigstore.TimestampAuthority.trusted(
                dev.sumlog.tlog.sigstore.TrustedRoot.parse(Vectors.text(trustedRoot), trustedRoot));
    }

    @Test
    void theStagingTimestampVerifiesAgainstTheStagingTrustedRoot() {
        Recorded bundle = recorded();
        Instant genTime = TimestampVerifier.verify(bundle.signedTimestamp(), bundle.signature(),
                tsas("sigstore-python/trusted_root.staging.json"));
        // genTime as printed by openssl ts -reply -text for this token.
        assertThat(genTime).isEqualTo(Instant.parse("2025-06-09T11:57:38Z"));
    }

    @Test
    void sigstoreJavasCopyOfTheStagingRootAgreesDespiteItsExtraGitHubTsa() {
        Recorded bundle = recorded();
        List<TrustedTsa> tsas = tsas("sigstore-java/staging_trusted_root.json");
        assertThat(tsas).hasSize(2);
        assertThat(tsas.get(1).chain()).hasSize(3);
        assertThat(TimestampVerifier.verify(bundle.signedTimestamp(), bundle.signature(), tsas))
                .isEqualTo(Instant.parse("2025-06-09T11:57:38Z"));
    }

    @Test
    void itIsOverTheSignatureAndNothingElse() {
        Recorded bundle = recorded();
        byte[] other = bundle.signature().clone();
        other[other.length - 1] ^= 1;
        assertThatThrownBy(() -> TimestampVerifier.verify(bundle.signedTimestamp(), other,
                tsas("sigstore-python/trusted_root.staging.json")))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("signed timestamp: message imprint != SHA-256 of the signed bytes");
    }

    @Test
    void theProductionRootDoesNotTrustTheStagingTsa() {
        Recorded bundle = recorded();
        List<TrustedTsa> production = tsas("sigstore-python/trusted_root.prod.json");
        assertThat(production).hasSize(1);
        assertThat(production.get(0).validFrom()).isEqualTo(Instant.parse("2025-07-04T00:00:00Z"));
        assertThatThrownBy(() -> TimestampVerifier.verify(bundle.signedTimestamp(), bundle.signature(), production))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessageStartingWith("signed timestamp: ");
    }
}
