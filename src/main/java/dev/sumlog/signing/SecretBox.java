package dev.sumlog.signing;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl {@code crypto_secretbox} (XSalsa20 and Poly1305), the cipher of cosign's encrypted keys, built
 * from Bouncy Castle's primitives because neither the JDK nor BC ships the box itself.
 * <p>
 * Layout (NaCl, and Go's {@code x/crypto/nacl/secretbox}): a box is the 16-byte Poly1305 tag followed by
 * the message XORed with the XSalsa20 key stream from byte 32 on; the stream's first 32 bytes are the
 * one-time Poly1305 key, and the tag covers the encrypted bytes.
 */
final class SecretBox {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 24;
    static final int TAG_BYTES = 16;

    private SecretBox() {
    }

    /** The message, or empty when the tag does not match (wrong key, or a damaged box). */
    static Optional<byte[]> open(byte[] box, byte[] nonce, byte[] key) {
        if (box.length < TAG_BYTES) {
            return Optional.empty();
        }
        XSalsa20Engine stream = stream(nonce, key);
        byte[] polyKey = oneTimeKey(stream);
        byte[] ciphertext = Arrays.copyOfRange(box, TAG_BYTES, box.length);
        // Constant time: how much of a tag matched must not leak.
        if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(mac(polyKey, ciphertext), Arrays.copyOf(box, TAG_BYTES))) {
            return Optional.empty();
        }
        byte[] message = new byte[ciphertext.length];
        stream.processBytes(ciphertext, 0, ciphertext.length, message, 0);
        return Optional.of(message);
    }

    /** Seals a message; sumlog never writes cosign keys, but tests build them with this. */
    static byte[] seal(byte[] message, byte[] nonce, byte[] key) {
        XSalsa20Engine stream = stream(nonce, key);
        byte[] polyKey = oneTimeKey(stream);
        byte[] ciphertext = new byte[message.length];
        stream.processBytes(message, 0, message.length, ciphertext, 0);
        byte[] box = Arrays.copyOf(mac(polyKey, ciphertext), TAG_BYTES + message.length);
        System.arraycopy(ciphertext, 0, box, TAG_BYTES, ciphertext.length);
        return box;
    }

    private static XSalsa20Engine stream(byte[] nonce, byte[] key) {
        if (nonce.length != NONCE_BYTES || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("secretbox needs a 24-byte nonce and a 32-byte key");
        }
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    /** The stream's first 32 bytes; leaves the stream at byte 32, where the message starts. */
    private static byte[] oneTimeKey(XSalsa20Engine stream) {
        byte[] polyKey = new byte[KEY_BYTES];
        stream.processBytes(new byte[KEY_BYTES], 0, KEY_BYTES, polyKey, 0);
        return polyKey;
    }

    private static byte[] mac(byte[] polyKey, byte[] ciphertext) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(polyKey));
        mac.update(ciphertext, 0, ciphertext.length);
        byte[] tag = new byte[TAG_BYTES];
        mac.doFinal(tag, 0);
        return tag;
    }
}
