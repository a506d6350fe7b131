package dev.sumlog.tlog.note;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;

/** Signed-note verifier for Ed25519 keys (signature type 0x01). */
public final class Ed25519NoteVerifier implements NoteVerifier {

    static final byte TYPE = 0x01;

    private final String name;
    private final byte[] rawKey;
    private final int keyId;
    private final PublicKey key;

    /** Verifier for a raw 32-byte public key; the key ID is derived as the spec recommends. */
    public Ed25519NoteVerifier(String name, byte[] rawKey) {
        NoteKeys.requireValidName(name, "verifier key");
        if (rawKey.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + rawKey.length);
        }
        this.name = name;
        this.rawKey = rawKey.clone();
        this.keyId = NoteKeys.keyId(name, NoteKeys.typed(TYPE, rawKey));
        try {
            this.key = Ed25519.publicKey(rawKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid Ed25519 public key", e);
        }
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
            return Ed25519.verify(key, message, signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot verify Ed25519", e);
        }
    }

    @Override
    public String verifierKey() {
        return NoteKeys.label(name, keyId) + "+"
                + Base64.getEncoder().encodeToString(NoteKeys.typed(TYPE, rawKey));
    }
}
