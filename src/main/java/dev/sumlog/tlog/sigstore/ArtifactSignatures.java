package dev.sumlog.tlog.sigstore;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.HexFormat;

/**
 * Checks an artifact signature given only the artifact's SHA-256, as Rekor does: for ECDSA and
 * RSA PKCS#1 v1.5 this is the same check as SHA256withECDSA / SHA256withRSA over the artifact.
 * Ed25519ph signatures are not supported (the JDK would hash the message itself).
 */
final class ArtifactSignatures {

    /** DER DigestInfo prefix for SHA-256 (RFC 8017 section 9.2, note 1). */
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private ArtifactSignatures() {
    }

    static boolean verifyDigest(PublicKey key, byte[] sha256, byte[] signature) {
        try {
            Signature verifier;
            byte[] message;
            if (PublicKeys.isEc(key)) {
                verifier = Signature.getInstance("NONEwithECDSA");
                message = sha256;
            } else if (key.getAlgorithm().equals("RSA")) {
                verifier = Signature.getInstance("NONEwithRSA");
                message = new byte[SHA256_DIGEST_INFO.length + sha256.length];
                System.arraycopy(SHA256_DIGEST_INFO, 0, message, 0, SHA256_DIGEST_INFO.length);
                System.arraycopy(sha256, 0, message, SHA256_DIGEST_INFO.length, sha256.length);
            } else {
                throw new IllegalArgumentException("signer key type " + key.getAlgorithm() + " is not supported");
            }
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // malformed signature bytes
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot verify " + key.getAlgorithm() + " signatures", e);
        }
    }
}
