package dev.sumlog.audit;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.sigstore.HashedRekordBody;
import dev.sumlog.tlog.sigstore.HashedRekordV2;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Rekor log must hold for a request sumlog stored before sending it: the request is the
 * record of truth (committed before the first send, signature included), so the canonical body the
 * log stores, and the signer key a bundle must name, follow from it alone, with no trust in the
 * bundle or the log.
 */
final class StoredRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredRequests() {
    }

    /**
     * The canonical body the log stores for a stored request: a hashedrekord 0.0.1 request is its own
     * canonical body (sumlog sends it canonical); a Rekor v2 request's body is rebuilt from its fields.
     *
     * @throws TlogException the stored request is neither
     */
    static byte[] expectedBody(String request) {
        JsonNode root;
        try {
            root = JSON.readTree(request);
        } catch (JacksonException e) {
            throw new TlogException("the stored request is not JSON");
        }
        JsonNode v2 = root.path("hashedRekordRequestV002");
        if (v2.isMissingNode()) {
            return request.getBytes(StandardCharsets.UTF_8);
        }
        try {
            JsonNode signature = v2.path("signature");
            JsonNode verifier = signature.path("verifier");
            return HashedRekordV2.canonicalBody(base64(v2.path("digest")), base64(signature.path("content")),
                    base64(verifier.path("publicKey").path("rawBytes")), verifier.path("keyDetails").asString());
        } catch (IllegalArgumentException e) {
            throw new TlogException("the stored request is not a hashedRekordRequestV002: " + e.getMessage(), e);
        }
    }

    /** The release signer's public key the stored request names. */
    static java.security.PublicKey signerKey(String request) {
        return HashedRekordBody.parse(expectedBody(request)).verifierKey();
    }

    private static byte[] base64(JsonNode node) {
        if (!node.isString()) {
            throw new IllegalArgumentException("a field is missing");
        }
        return Base64.getDecoder().decode(node.stringValue());
    }
}
