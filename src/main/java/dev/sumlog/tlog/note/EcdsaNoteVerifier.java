package dev.sumlog.tlog.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signed-note verifier for ECDSA keys (signature type 0x02), the scheme of Rekor v1
 * checkpoints: key ID = SHA-256(SPKI DER)[:4] (the name is not hashed in), signature = ASN.1
 * DER ECDSA over SHA-256 of the note text.
 */
public final class EcdsaNoteVerifier implements NoteVerifier {

    static final byte TYPE = 0x02;

    private final String name;
    private final byte[] spki;
    private final int keyId;
    private final PublicKey key;

    private EcdsaNoteVerifier(String name, byte[] spki) throws GeneralSecurityException {
        NoteKeys.requireValidName(name, "verifier key");
        this.name = name;
        this.spki = spki.clone();
        this.key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        this.keyId = NoteKeys.first4(NoteKeys.sha256(spki));
    }

    /** Verifier for a DER SubjectPublicKeyInfo, e.g. a trusted root's {@code rawBytes}. */
    public static EcdsaNoteVerifier fromSpki(String name, byte[] spkiDer) {
        try {
            return new EcdsaNoteVerifier(name, spkiDer);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC public key (SPKI DER)", e);
        }
    }

    /** Verifier for a PEM {@code PUBLIC KEY} block, e.g. Rekor's /api/v1/log/publicKey. */
    public static EcdsaNoteVerifier fromPem(String name, String pem) {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return fromSpki(name, Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return keyId;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature sig = Signature.getInstance("SHA256withECDSA");
            sig.initVerify(key);
            sig.update(message);
            return sig.verify(signature);
        } catch (SignatureException e) {
            return false; // malformed DER: not a valid signature
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot verify SHA256withECDSA", e);
        }
    }

    @Override
    public String verifierKey() {
        return NoteKeys.label(name, keyId) + "+" + Base64.getEncoder().encodeToString(NoteKeys.typed(TYPE, spki));
    }
}
