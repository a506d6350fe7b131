package dev.sumlog.signing;

import dev.sumlog.support.Sha256;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * The key sumlog signs log entries with: ECDSA on P-256, the type Rekor v1 and v2 and cosign default to.
 * <p>
 * Invariants: the private half never leaves this object (no getter, no serialisation, and
 * {@link #toString()} shows only the public hint), and the public half is always the one derived from
 * the private scalar, so a file whose embedded public key disagrees is refused at {@link #load}.
 * Signing runs on the JDK's provider; Bouncy Castle only reads the files.
 */
public final class SigningKey {

    /** The environment variable that holds the passphrase of an encrypted key file. */
    public static final String PASSPHRASE_VARIABLE = PrivateKeyPem.PASSPHRASE_VARIABLE;
    /** Sigstore's name for this key type (protobuf-specs {@code PublicKeyDetails}, Rekor v2's {@code keyDetails}). */
    public static final String KEY_DETAILS = "PKIX_ECDSA_P256_SHA_256";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] spkiDer;

    SigningKey(BigInteger privateScalar) {
        this.privateKey = P256.jdkPrivateKey(privateScalar);
        this.spkiDer = P256.spkiDer(privateScalar);
        this.publicKey = P256.jdkPublicKey(spkiDer);
    }

    /**
     * Reads an unencrypted or encrypted private key PEM (PKCS#8, SEC1, encrypted PKCS#8, cosign's own
     * format). The passphrase, when needed, is {@code env.get(PASSPHRASE_VARIABLE)}.
     *
     * @throws SigningKeyException a one-line message naming the file: missing, unreadable, not a
     *         private key, encrypted without (or with the wrong) passphrase, or not ECDSA P-256
     */
    public static SigningKey load(Path pemFile, Map<String, String> env) {
        return new SigningKey(P256.privateScalar(pemFile, PrivateKeyPem.read(pemFile, env)));
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** X.509 SubjectPublicKeyInfo DER of the public key (a fresh copy). */
    public byte[] spkiDer() {
        return spkiDer.clone();
    }

    /** The public key as Rekor stores it, so a client can predict the entry's canonical body. */
    public String publicKeyPem() {
        return PublicKeys.canonicalPem(spkiDer);
    }

    /** {@value #KEY_DETAILS}. */
    public String keyDetails() {
        return KEY_DETAILS;
    }

    /** Base64 of SHA-256 over the SPKI DER: cosign's {@code publicKey.hint}, safe to print and log. */
    public String hint() {
        return Base64.getEncoder().encodeToString(Sha256.of(spkiDer));
    }

    /**
     * ASN.1 DER ECDSA signature over a SHA-256 digest (the 32 raw bytes, never hex). Equal in meaning to
     * {@link #sign} over the bytes the digest came from: what Rekor's hashedrekord checks.
     */
    public byte[] signDigest(byte[] sha256) {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes, got "
                    + (sha256 == null ? "none" : sha256.length));
        }
        return signWith("NONEwithECDSA", sha256);
    }

    /** ASN.1 DER SHA256withECDSA signature over the data, as {@code openssl dgst -sha256 -sign} makes. */
    public byte[] sign(byte[] data) {
        return signWith("SHA256withECDSA", data);
    }

    private byte[] signWith(String algorithm, byte[] input) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always supports " + algorithm + " on P-256", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[ECDSA P-256, hint=" + hint() + "]";
    }
}
