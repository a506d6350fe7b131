package dev.sumlog.tlog.note;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * Signed-note signer for Ed25519. Ed25519 is deterministic, so the same key and text always
 * give the same signature: checkpoints can be compared byte for byte.
 */
public final class Ed25519NoteSigner implements NoteSigner {

    private final Ed25519NoteVerifier verifier;
    private final PrivateKey key;
    private final byte[] seed;

    /** Signer for a 32-byte RFC 8032 seed. */
    public Ed25519NoteSigner(String name, byte[] seed) {
        if (seed.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed.length);
        }
        try {
            KeyPair pair = Ed25519.keyPairFromSeed(seed);
            this.verifier = new Ed25519NoteVerifier(name, Ed25519.rawPublicKey(pair.getPublic()));
            this.key = pair.getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot build an Ed25519 key", e);
        }
        this.seed = seed.clone();
    }

    @Override
    public String name() {
        return verifier.name();
    }

    @Override
    public int keyId() {
        return verifier.keyId();
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            return Ed25519.sign(key, message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public Ed25519NoteVerifier verifier() {
        return verifier;
    }

    /** The signer key string {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>}. */
    public String signerKey() {
        return "PRIVATE+KEY+" + NoteKeys.label(name(), keyId()) + "+"
                + Base64.getEncoder().encodeToString(NoteKeys.typed(Ed25519NoteVerifier.TYPE, seed));
    }
}
