package dev.sumlog.tlog.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HashedRekordV1Test {

    @BeforeEach
    void requireVectors() {
        SigstoreVectors.require();
    }

    @Test
    void rebuildsTheStoredBodyOfARealStagingEntryByteForByte() {
        RekorV1Entry entry = SigstoreVectors.v1Entry();
        HashedRekordBody stored = HashedRekordBody.parse(entry.body());
        String pem = pemOf(entry.body());

        byte[] rebuilt = HashedRekordV1.canonicalBody(stored.sha256Hex(), stored.signature(), pem);

        assertThat(new String(rebuilt, StandardCharsets.UTF_8)).isEqualTo(new String(entry.body(), StandardCharsets.UTF_8));
        assertThat(HashedRekordV1.uuid(rebuilt))
                .isEqualTo("ac3650aee1c1b3821211cf07067c1a118d0a7f86867bbb1df340cb8fc9c221af")
                .isEqualTo(entry.entryId());
        assertThat(stored.certificate()).isTrue();
    }

    @Test
    void requestEqualsTheRekorTestdataRequestInCompactCanonicalForm() {
        JsonNode vector = SigstoreJson.MAPPER.readTree(Vectors.text("rekor/hashedrekord-request.json"));
        String pem = new String(Base64.getDecoder().decode(
                vector.at("/spec/signature/publicKey/content").stringValue()), StandardCharsets.UTF_8);
        byte[] signature = Base64.getDecoder().decode(vector.at("/spec/signature/content").stringValue());
        String digest = vector.at("/spec/data/hash/value").stringValue();

        String request = HashedRekordV1.request(digest, signature, pem);

        assertThat(request).isEqualTo(CanonicalJson.write(vector));
        // Its PEM is the canonical one, so the UUID of the stored entry is predictable.
        PublicKey key = LogKeys.fromPem("https://example.invalid", pem).key();
        assertThat(HashedRekordV1.canonicalPem(key)).isEqualTo(pem);
        // And the signature is over the artifact digest, as Rekor checks it.
        assertThat(ArtifactSignatures.verifyDigest(key, Vectors.hex(digest), signature)).isTrue();
        assertThat(ArtifactSignatures.verifyDigest(key, new byte[32], signature)).isFalse();
    }

    @Test
    void refusesADigestRekorWouldStoreInAnotherSpelling() {
        assertThatThrownBy(() -> HashedRekordV1.request("AB".repeat(32), new byte[8], "pem"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashedRekordV1.request("ab", new byte[8], "pem"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static String pemOf(byte[] body) {
        JsonNode node = SigstoreJson.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        return new String(Base64.getDecoder().decode(node.at("/spec/signature/publicKey/content").stringValue()),
                StandardCharsets.UTF_8);
    }
}
