package dev.sumlog.tlog.note;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * One signature line of a note: {@code — <name> <base64(keyId || signature)>}.
 *
 * @param name key name (non-empty, no spaces, no '+')
 * @param keyId 32-bit key ID
 * @param signature signature bytes without the key ID
 */
public record NoteSignature(String name, int keyId, byte[] signature) {

    /** Em dash and space: the start of every signature line. */
    static final String PREFIX = "\u2014 ";

    public NoteSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line as it appears in a note, newline included. */
    public String line() {
        byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** {@code name+hexid}, the usual way to name a key in messages. */
    public String keyLabel() {
        return NoteKeys.label(name, keyId);
    }
}
