package dev.sumlog.fakes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * A client's ECDSA P-256 signing key, with the request bodies a Rekor client sends: test-side
 * help for driving the fakes without the real client. Signatures are ECDSA and so randomised:
 * to get a 409, re-send the same bytes, never re-sign.
 */
public final class SubmitterKey {

    private final KeyPair pair;

    private SubmitterKey(KeyPair pair) {
        this.pair = pair;
    }

    public static SubmitterKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new SubmitterKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot generate P-256 keys", e);
        }
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** SubjectPublicKeyInfo DER. */
    public byte[] spki() {
        return pair.getPublic().getEncoded();
    }

    /** Canonical PEM {@code PUBLIC KEY}. */
    public String pem() {
        return Pem.encode("PUBLIC KEY", spki());
    }

    /** SHA256withECDSA over the artifact, equal to ECDSA over its SHA-256 digest. */
    public byte[] sign(byte[] artifact) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(pair.getPrivate());
            signature.update(artifact);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }

    /** A complete v1 ProposedEntry for {@code artifact}, freshly signed. */
    public byte[] v1Request(byte[] artifact) {
        return v1Request(sha256(artifact), sign(artifact));
    }

    /** A v1 ProposedEntry (hashedrekord 0.0.1) for a digest and a signature made earlier. */
    public byte[] v1Request(byte[] digest, byte[] signature) {
        Base64.Encoder b64 = Base64.getEncoder();
        return Json.write(Map.of(
                "apiVersion", "0.0.1",
                "kind", "hashedrekord",
                "spec", Map.of(
                        "data", Map.of("hash", Map.of("algorithm", "sha256", "value", HexFormat.of().formatHex(digest))),
                        "signature", Map.of(
                                "content", b64.encodeToString(signature),
                                "publicKey", Map.of("content",
                                        b64.encodeToString(pem().getBytes(StandardCharsets.US_ASCII)))))));
    }

    /** A complete v2 CreateEntryRequest for {@code artifact}, freshly signed. */
    public byte[] v2Request(byte[] artifact) {
        return v2Request(sha256(artifact), sign(artifact));
    }

    /** A v2 CreateEntryRequest (hashedRekordRequestV002) for a digest and a signature made earlier. */
    public byte[] v2Request(byte[] digest, byte[] signature) {
        Base64.Encoder b64 = Base64.getEncoder();
        return Json.write(Map.of("hashedRekordRequestV002", Map.of(
                "digest", b64.encodeToString(digest),
                "signature", Map.of(
                        "content", b64.encodeToString(signature),
                        "verifier", Map.of(
                                "publicKey", Map.of("rawBytes", b64.encodeToString(spki())),
                                "keyDetails", HashedRekordV2.P256)))));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
