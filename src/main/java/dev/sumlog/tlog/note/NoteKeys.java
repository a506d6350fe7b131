package dev.sumlog.tlog.note;

import dev.sumlog.tlog.TlogException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Text forms of note keys:
 * <ul>
 *   <li>verifier key {@code <name>+<hex key ID>+<base64(type || public key)>}, type 0x01
 *       (Ed25519, 32-byte key) or 0x02 (ECDSA, SPKI DER);</li>
 *   <li>signer key {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>}.</li>
 * </ul>
 * Both are split at a fixed count of '+' because names cannot hold '+' but base64 can.
 * The key ID in the text must match the key, so a typo cannot go unnoticed.
 */
public final class NoteKeys {

    /** A freshly generated Ed25519 key in both text forms. */
    public record KeyPairText(String signerKey, String verifierKey) {
    }

    private NoteKeys() {
    }

    /** Parses a verifier key. */
    public static NoteVerifier parseVerifierKey(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new TlogException("verifier key: want <name>+<hex id>+<base64 key>");
        }
        int id = parseKeyId(parts[1], "verifier key");
        byte[] typed = decodeBase64(parts[2], "verifier key: key");
        if (typed.length == 0) {
            throw new TlogException("verifier key: empty key");
        }
        byte[] key = Arrays.copyOfRange(typed, 1, typed.length);
        NoteVerifier verifier = switch (typed[0]) {
            case Ed25519NoteVerifier.TYPE -> {
                if (key.length != Ed25519.KEY_SIZE) {
                    throw new TlogException("verifier key: Ed25519 key is " + key.length + " bytes, want 32");
                }
                yield new Ed25519NoteVerifier(parts[0], key);
            }
            case EcdsaNoteVerifier.TYPE -> {
                try {
                    yield EcdsaNoteVerifier.fromSpki(parts[0], key);
                } catch (IllegalArgumentException e) {
                    throw new TlogException("verifier key: ECDSA key is not an EC SubjectPublicKeyInfo", e);
                }
            }
            default -> throw new TlogException(String.format("verifier key: unknown key type 0x%02x", typed[0]));
        };
        if (verifier.keyId() != id) {
            throw new TlogException("verifier key: key ID " + parts[1] + " does not match the key");
        }
        return verifier;
    }

    /** Parses an Ed25519 signer key. */
    public static Ed25519NoteSigner parseSignerKey(String skey) {
        String[] parts = skey.split("\\+", 5);
        if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
            throw new TlogException("signer key: want PRIVATE+KEY+<name>+<hex id>+<base64 key>");
        }
        int id = parseKeyId(parts[3], "signer key");
        byte[] typed = decodeBase64(parts[4], "signer key: key");
        if (typed.length != 1 + Ed25519.KEY_SIZE || typed[0] != Ed25519NoteVerifier.TYPE) {
            throw new TlogException("signer key: want 0x01 followed by a 32-byte Ed25519 seed");
        }
        requireValidName(parts[2], "signer key");
        Ed25519NoteSigner signer = new Ed25519NoteSigner(parts[2], Arrays.copyOfRange(typed, 1, typed.length));
        if (signer.keyId() != id) {
            throw new TlogException("signer key: key ID " + parts[3] + " does not match the key");
        }
        return signer;
    }

    /** Generates a new Ed25519 key named {@code name} (for a log, its origin). */
    public static KeyPairText generate(String name) {
        requireValidName(name, "signer key");
        try {
            KeyPair pair = Ed25519.generate();
            Ed25519NoteSigner signer = new Ed25519NoteSigner(name, Ed25519.seed(pair.getPrivate()));
            return new KeyPairText(signer.signerKey(), signer.verifier().verifierKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot generate Ed25519 keys", e);
        }
    }

    /** Key ID recommended by the spec: SHA-256(name || 0x0A || type || key)[:4]. */
    static int keyId(String name, byte[] typedKey) {
        MessageDigest md = sha256Digest();
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
        return first4(md.digest(typedKey));
    }

    static byte[] typed(byte type, byte[] key) {
        byte[] out = new byte[key.length + 1];
        out[0] = type;
        System.arraycopy(key, 0, out, 1, key.length);
        return out;
    }

    static int first4(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getInt();
    }

    static byte[] sha256(byte[] data) {
        return sha256Digest().digest(data);
    }

    static String label(String name, int keyId) {
        return name + "+" + String.format("%08x", keyId);
    }

    /** Key names must be non-empty with no Unicode space and no '+'. */
    static void requireValidName(String name, String where) {
        boolean bad = name.isEmpty() || name.indexOf('+') >= 0 || name.codePoints().anyMatch(
                cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85);
        if (bad) {
            throw new TlogException(where + ": invalid key name '" + name + "'");
        }
    }

    /**
     * Strict standard base64: padded, no line breaks, no stray characters, and canonical (no
     * stray bits before the padding), so that a note has exactly one valid spelling.
     */
    static byte[] decodeBase64(String b64, String where) {
        if (b64.isEmpty() || b64.length() % 4 != 0) {
            throw new TlogException(where + " is not padded base64");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new TlogException(where + " is not base64", e);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(b64)) {
            throw new TlogException(where + " is not canonical base64");
        }
        return bytes;
    }

    private static int parseKeyId(String hex, String where) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> "0123456789abcdefABCDEF".indexOf(c) >= 0)) {
            throw new TlogException(where + ": key ID '" + hex + "' is not 8 hex digits");
        }
        return (int) Long.parseLong(hex, 16);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
