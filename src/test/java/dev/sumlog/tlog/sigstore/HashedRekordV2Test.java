package dev.sumlog.tlog.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.tlog.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class HashedRekordV2Test {

    @BeforeEach
    void requireVectors() {
        SigstoreVectors.require();
    }

    /**
     * The real v2 entries name a certificate; ours name a public key. Swapping the certificate
     * for its key's SPKI in the real body must give exactly our body: same shape, same key order.
     */
    @ParameterizedTest
    @ValueSource(strings = {"entry-v2", "staging-rekor-v2"})
    void bodyHasTheShapeAndKeyOrderOfRealV2Entries(String which) {
        byte[] real = which.equals("entry-v2") ? SigstoreVectors.v2Entry().canonicalizedBody()
                : SigstoreVectors.bundle("sigstore-python/staging-rekor-v2.txt.sigstore.json").tlogEntry()
                        .canonicalizedBody();
        JsonNode parsed = SigstoreJson.MAPPER.readTree(new String(real, StandardCharsets.UTF_8));
        assertThat(CanonicalJson.bytes(parsed)).as("the log's body is RFC 8785 canonical").isEqualTo(real);

        HashedRekordBody body = HashedRekordBody.parse(real);
        X509Certificate cert = TrustedRoot.certificate(body.verifierDer(), "test");
        byte[] spki = cert.getPublicKey().getEncoded();
        ObjectNode verifier = (ObjectNode) parsed.at("/spec/hashedRekordV002/signature/verifier");
        verifier.remove("x509Certificate");
        verifier.putObject("publicKey").put("rawBytes", Base64.getEncoder().encodeToString(spki));

        byte[] ours = HashedRekordV2.canonicalBody(body.sha256(), body.signature(), spki, "PKIX_ECDSA_P256_SHA_256");

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(CanonicalJson.write(parsed));
    }

    @Test
    void requestHasTheDocumentedShape() {
        byte[] digest = new byte[32];
        digest[0] = 1;
        String request = HashedRekordV2.request(digest, new byte[] {2}, new byte[] {3}, "PKIX_ECDSA_P256_SHA_256");
        JsonNode node = SigstoreJson.MAPPER.readTree(request);
        assertThat(node.propertyNames()).containsExactly("hashedRekordRequestV002");
        assertThat(node.at("/hashedRekordRequestV002/digest").stringValue())
                .isEqualTo(Base64.getEncoder().encodeToString(digest));
        assertThat(node.at("/hashedRekordRequestV002/signature/content").stringValue()).isEqualTo("Ag==");
        assertThat(node.at("/hashedRekordRequestV002/signature/verifier/publicKey/rawBytes").stringValue()).isEqualTo("Aw==");
        assertThat(node.at("/hashedRekordRequestV002/signature/verifier/keyDetails").stringValue())
                .isEqualTo("PKIX_ECDSA_P256_SHA_256");
        assertThat(List.copyOf(node.at("/hashedRekordRequestV002/signature/verifier").propertyNames()))
                .containsExactly("keyDetails", "publicKey");
    }

    @Test
    void realStagingV2ArtifactDigestIsTheBodyDigest() {
        byte[] artifact = Vectors.bytes("sigstore-python/staging-rekor-v2.txt");
        HashedRekordBody body = HashedRekordBody.parse(
                SigstoreVectors.bundle("sigstore-python/staging-rekor-v2.txt.sigstore.json").tlogEntry().canonicalizedBody());
        assertThat(body.sha256()).isEqualTo(PublicKeys.sha256(artifact));
        assertThat(body.apiVersion()).isEqualTo("0.0.2");
    }
}
