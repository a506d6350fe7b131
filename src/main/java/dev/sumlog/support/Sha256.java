package dev.sumlog.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of small byte arrays (output files, names) with one digest per thread:
 * {@code MessageDigest.getInstance} walks the security providers on every call, which costs more
 * than hashing a sums file or a receipt. Safe because no caller keeps the digest across calls.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    public static byte[] of(byte[] data) {
        MessageDigest md = DIGEST.get();
        md.reset();
        return md.digest(data);
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(of(data));
    }

    /** A fresh digest, for a caller that streams. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
