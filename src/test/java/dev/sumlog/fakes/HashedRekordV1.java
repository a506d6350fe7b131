package dev.sumlog.fakes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A Rekor v1 hashedrekord 0.0.1 entry: what a client proposes and what the log stores.
 *
 * <p>The stored body is the canonical form: the PEM re-encoded as Go writes it, keys sorted,
 * no whitespace (Rekor's {@code Canonicalize} then {@code json.Marshal} of generated structs
 * whose fields are alphabetical). Two proposals with the same canonical body are the same
 * entry; that is what makes an identical re-submission a 409.
 *
 * @param algorithm digest algorithm name; the fake accepts only {@code sha256}
 * @param digestHex lower-case hex digest of the artifact, stored as sent
 * @param signature raw signature bytes (ECDSA DER)
 * @param pem the key or certificate PEM text, as sent
 */
public record HashedRekordV1(String algorithm, String digestHex, byte[] signature, String pem) {

    public HashedRekordV1 {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Parses a ProposedEntry; 400 ({@link BadRequest}) when a field is missing or malformed. */
    public static HashedRekordV1 parse(byte[] json) {
        JsonNode root = Json.parse(json);
        if (!"hashedrekord".equals(Json.string(root, "kind"))) {
            throw new BadRequest("kind must be hashedrekord");
        }
        if (!"0.0.1".equals(Json.string(root, "apiVersion"))) {
            throw new BadRequest("apiVersion must be 0.0.1");
        }
        String algorithm = Json.string(root, "spec.data.hash.algorithm");
        String value = Json.string(root, "spec.data.hash.value");
        if (!algorithm.equals("sha256") || !value.matches("[0-9a-fA-F]{64}")) {
            throw new BadRequest("spec.data.hash must be sha256 with 64 hex digits");
        }
        byte[] signature = Json.base64(root, "spec.signature.content");
        String pem = new String(Json.base64(root, "spec.signature.publicKey.content"), StandardCharsets.UTF_8);
        try {
            Pem.decode(pem);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("spec.signature.publicKey.content: " + e.getMessage(), e);
        }
        return new HashedRekordV1(algorithm, value, signature, pem);
    }

    /**
     * Checks the signature over the digest (ECDSA with a pre-hashed input, as Rekor does with
     * {@code WithDigest}): 400 when it does not verify.
     */
    public void verify() {
        boolean ok;
        try {
            PublicKey key = Pem.publicKey(pem);
            Signature verifier = Signature.getInstance("NONEwithECDSA");
            verifier.initVerify(key);
            verifier.update(HexFormat.of().parseHex(digestHex));
            ok = verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new BadRequest("verifying signature: " + e.getMessage(), e);
        }
        if (!ok) {
            throw new BadRequest("verifying signature: invalid signature when validating ASN.1 encoded signature");
        }
    }

    /** The canonical body the log stores and hashes into its tree. */
    public byte[] canonicalBody() {
        String pemB64 = Base64.getEncoder().encodeToString(Pem.canonical(pem).getBytes(StandardCharsets.UTF_8));
        return CanonicalJson.bytes(Map.of(
                "apiVersion", "0.0.1",
                "kind", "hashedrekord",
                "spec", Map.of(
                        "data", Map.of("hash", Map.of("algorithm", algorithm, "value", digestHex)),
                        "signature", Map.of(
                                "content", Base64.getEncoder().encodeToString(signature),
                                "publicKey", Map.of("content", pemB64)))));
    }
}
