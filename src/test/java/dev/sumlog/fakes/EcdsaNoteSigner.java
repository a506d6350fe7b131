package dev.sumlog.fakes;

import dev.sumlog.tlog.note.EcdsaNoteVerifier;
import dev.sumlog.tlog.note.NoteSigner;
import dev.sumlog.tlog.note.NoteVerifier;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * Signs notes the way Rekor v1 signs checkpoints: key hint = SHA-256(SPKI DER)[:4] (the name is
 * not hashed in), signature = DER SHA256withECDSA over the note text. Test-only: a log run by
 * sumlog signs with Ed25519.
 */
public final class EcdsaNoteSigner implements NoteSigner {

    private final String name;
    private final KeyPair pair;
    private final EcdsaNoteVerifier verifier;

    public EcdsaNoteSigner(String name, KeyPair pair) {
        this.name = name;
        this.pair = pair;
        this.verifier = EcdsaNoteVerifier.fromSpki(name, pair.getPublic().getEncoded());
    }

    /** A signer with a fresh P-256 key. */
    public static EcdsaNoteSigner generate(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new EcdsaNoteSigner(name, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot generate P-256 keys", e);
        }
    }

    public KeyPair keyPair() {
        return pair;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return ByteBuffer.wrap(SubmitterKey.sha256(pair.getPublic().getEncoded())).getInt();
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(pair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }

    @Override
    public NoteVerifier verifier() {
        return verifier;
    }
}
