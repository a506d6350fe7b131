package dev.sumlog.tlog.sigstore;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rekor v2 {@code hashedrekord} 0.0.2 entries: the request for {@code POST /api/v2/log/entries}
 * and the RFC 8785 body the log stores (its {@code canonicalizedBody}), for a signature made
 * with a public key (not a certificate). Unlike v1, digest and key travel as base64 bytes.
 */
public final class HashedRekordV2 {

    public static final String API_VERSION = "0.0.2";

    private HashedRekordV2() {
    }

    /**
     * The JSON request body.
     *
     * @param sha256 the artifact's SHA-256 (32 bytes)
     * @param signatureDer the signature over the artifact
     * @param spkiDer the signer's public key, DER SubjectPublicKeyInfo
     * @param keyDetails the key type, e.g. {@code PKIX_ECDSA_P256_SHA_256}
     */
    public static String request(byte[] sha256, byte[] signatureDer, byte[] spkiDer, String keyDetails) {
        requireDigest(sha256);
        ObjectNode root = SigstoreJson.MAPPER.createObjectNode();
        ObjectNode request = root.putObject("hashedRekordRequestV002");
        request.put("digest", b64(sha256));
        request.set("signature", signature(signatureDer, spkiDer, keyDetails));
        return CanonicalJson.write(root);
    }

    /** The canonicalized body the log stores for that request. */
    public static byte[] canonicalBody(byte[] sha256, byte[] signatureDer, byte[] spkiDer, String keyDetails) {
        requireDigest(sha256);
        ObjectNode body = SigstoreJson.MAPPER.createObjectNode();
        body.put("apiVersion", API_VERSION);
        body.put("kind", HashedRekordV1.KIND);
        ObjectNode spec = body.putObject("spec").putObject("hashedRekordV002");
        ObjectNode data = spec.putObject("data");
        data.put("algorithm", "SHA2_256");
        data.put("digest", b64(sha256));
        spec.set("signature", signature(signatureDer, spkiDer, keyDetails));
        return CanonicalJson.write(body).getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode signature(byte[] signatureDer, byte[] spkiDer, String keyDetails) {
        ObjectNode signature = SigstoreJson.MAPPER.createObjectNode();
        signature.put("content", b64(signatureDer));
        ObjectNode verifier = signature.putObject("verifier");
        verifier.putObject("publicKey").put("rawBytes", b64(spkiDer));
        verifier.put("keyDetails", keyDetails);
        return signature;
    }

    private static void requireDigest(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("SHA-256 digest must be 32 bytes, got " + sha256.length);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
