package dev.sumlog.fakes;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A Rekor v2 hashedrekord 0.0.2 entry: the {@code hashedRekordRequestV002} a client sends and
 * the RFC 8785 canonicalized body the log stores (keys sorted, which puts {@code keyDetails}
 * before {@code publicKey}/{@code x509Certificate}, exactly as in real entries).
 *
 * @param digest raw artifact digest (SHA-256, 32 bytes)
 * @param signature raw signature bytes (ECDSA DER)
 * @param keyDetails e.g. {@code PKIX_ECDSA_P256_SHA_256}; the fake accepts only that one
 * @param verifierField {@code publicKey} (SPKI DER) or {@code x509Certificate} (certificate DER)
 * @param verifierDer the DER bytes of that field
 */
public record HashedRekordV2(byte[] digest, byte[] signature, String keyDetails, String verifierField,
                             byte[] verifierDer) {

    public static final String P256 = "PKIX_ECDSA_P256_SHA_256";

    public HashedRekordV2 {
        digest = digest.clone();
        signature = signature.clone();
        verifierDer = verifierDer.clone();
    }

    /** An entry verified by a public key (SPKI DER), the form sumlog sends. */
    public static HashedRekordV2 withPublicKey(byte[] digest, byte[] signature, byte[] spki) {
        return new HashedRekordV2(digest, signature, P256, "publicKey", spki);
    }

    /** Parses a CreateEntryRequest; 400 ({@link BadRequest}) when malformed or of an unknown key type. */
    public static HashedRekordV2 parse(byte[] json) {
        JsonNode root = Json.parse(json);
        JsonNode request = root.path("hashedRekordRequestV002");
        if (!request.isObject()) {
            throw new BadRequest("invalid type, must be either hashedrekord or dsse");
        }
        byte[] digest = Json.base64(request, "digest");
        if (digest.length != 32) {
            throw new BadRequest("digest must be 32 bytes");
        }
        byte[] signature = Json.base64(request, "signature.content");
        String keyDetails = Json.string(request, "signature.verifier.keyDetails");
        if (!keyDetails.equals(P256)) {
            throw new BadRequest("unsupported keyDetails " + keyDetails);
        }
        JsonNode verifier = request.path("signature").path("verifier");
        String field = verifier.has("publicKey") ? "publicKey" : "x509Certificate";
        byte[] der = Json.base64(verifier, field + ".rawBytes");
        return new HashedRekordV2(digest, signature, keyDetails, field, der);
    }

    /** Checks the key matches keyDetails and the signature verifies over the digest; else 400. */
    public void verify() {
        boolean ok;
        try {
            PublicKey key = verifierField.equals("publicKey")
                    ? KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(verifierDer))
                    : CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(verifierDer)).getPublicKey();
            if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new BadRequest("key does not match keyDetails " + keyDetails);
            }
            Signature sig = Signature.getInstance("NONEwithECDSA");
            sig.initVerify(key);
            sig.update(digest);
            ok = sig.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new BadRequest("invalid hashedrekord request: " + e.getMessage(), e);
        }
        if (!ok) {
            throw new BadRequest("invalid hashedrekord request: signature does not verify");
        }
    }

    /** The canonicalized body the log stores. */
    public byte[] canonicalBody() {
        Base64.Encoder b64 = Base64.getEncoder();
        return CanonicalJson.bytes(Map.of(
                "apiVersion", "0.0.2",
                "kind", "hashedrekord",
                "spec", Map.of("hashedRekordV002", Map.of(
                        "data", Map.of("algorithm", "SHA2_256", "digest", b64.encodeToString(digest)),
                        "signature", Map.of(
                                "content", b64.encodeToString(signature),
                                "verifier", Map.of(
                                        "keyDetails", keyDetails,
                                        verifierField, Map.of("rawBytes", b64.encodeToString(verifierDer))))))));
    }

}
