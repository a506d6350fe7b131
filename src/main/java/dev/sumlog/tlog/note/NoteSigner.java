package dev.sumlog.tlog.note;

/** A private key that signs note text. */
public interface NoteSigner {

    String name();

    int keyId();

    /** Signature over {@code message} (without the key ID prefix). */
    byte[] sign(byte[] message);

    /** The matching public key, e.g. to check a log's own checkpoint when it is reopened. */
    NoteVerifier verifier();
}
