package dev.sumlog.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.tlog.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fakes' canonical body builders, given the fields of a real entry, reproduce the real
 * log's stored body byte for byte; and the fakes accept the real signatures. Skipped, with the
 * reason printed, when the shared vectors are absent.
 */
class CanonicalBodyVectorsTest {

    @Test
    void v1BodiesOfRealEntriesAreRebuiltByteForByte() {
        List<byte[]> bodies = new ArrayList<>();
        JsonNode entry = read("sigstore-java/entry.json").values().iterator().next();
        bodies.add(b64(entry.get("body")));
        for (String bundle : List.of("sigstore-python/bundle_v3_github.whl.sigstore", "sigstore-python/bundle.txt.sigstore",
                "sigstore-python/bundle_v3_no_signed_time.txt.sigstore.json")) {
            bodies.add(b64(read(bundle).get("verificationMaterial").get("tlogEntries").get(0).get("canonicalizedBody")));
        }

        for (byte[] real : bodies) {
            HashedRekordV1 parsed = HashedRekordV1.parse(real);
            parsed.verify();
            assertThat(new String(parsed.canonicalBody(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(real, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theRealV1RequestVerifiesAndHasACanonicalPem() {
        byte[] request = Vectors.bytes("rekor/hashedrekord-request.json");

        HashedRekordV1 parsed = HashedRekordV1.parse(request);
        parsed.verify();

        assertThat(Pem.canonical(parsed.pem())).isEqualTo(parsed.pem());
        assertThat(parsed.digestHex()).isEqualTo("c98c24b677eff44860afea6f493bbaec5bb1c4cbb209c6fc2bbb47f66ff2ad31");
    }

    @Test
    void v2BodiesOfRealEntriesAreRebuiltByteForByte() {
        List<byte[]> bodies = List.of(
                b64(read("sigstore-java/entry-v2.json").get("canonicalizedBody")),
                b64(read("sigstore-python/staging-rekor-v2.txt.sigstore.json")
                        .get("verificationMaterial").get("tlogEntries").get(0).get("canonicalizedBody")));

        for (byte[] real : bodies) {
            JsonNode spec = Json.MAPPER.readTree(real).get("spec").get("hashedRekordV002");
            JsonNode verifier = spec.get("signature").get("verifier");
            String field = verifier.has("publicKey") ? "publicKey" : "x509Certificate";
            HashedRekordV2 rebuilt = new HashedRekordV2(b64(spec.get("data").get("digest")),
                    b64(spec.get("signature").get("content")), verifier.get("keyDetails").stringValue(), field,
                    b64(verifier.get(field).get("rawBytes")));
            rebuilt.verify();
            assertThat(new String(rebuilt.canonicalBody(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(real, StandardCharsets.UTF_8));
        }
    }

    private static JsonNode read(String relative) {
        return Json.MAPPER.readTree(Vectors.bytes(relative));
    }

    private static byte[] b64(JsonNode node) {
        return Base64.getDecoder().decode(node.stringValue());
    }
}
