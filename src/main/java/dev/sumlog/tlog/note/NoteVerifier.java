package dev.sumlog.tlog.note;

/**
 * A public key that checks note signatures. The pair (name, key ID) identifies it in a note's
 * signature lines.
 */
public interface NoteVerifier {

    String name();

    /** The 32-bit key ID, compared with the first four bytes of a signature (big-endian). */
    int keyId();

    /** True iff {@code signature} (without the key ID prefix) signs {@code message}. */
    boolean verify(byte[] message, byte[] signature);

    /** The verifier key string {@code <name>+<hex key ID>+<base64(type || key)>}. */
    String verifierKey();
}
