package dev.sumlog.signature;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * One key (a primary key or a subkey) from a trusted keyring, with what its self-signatures say about when
 * it may sign.
 *
 * <p>Invariants: {@code expires}, when present, is after {@code created}; for a subkey it is already capped
 * by its primary key's expiry, and {@code revocation} includes a revocation of the primary key, so a check
 * needs to look at this record only. {@code unusable} is set when the key cannot make signatures at all
 * (no valid self-signature, or key flags without "sign data").
 *
 * @param key                the Bouncy Castle key that verifies signatures
 * @param fingerprint        this key's fingerprint, upper-case hex without spaces
 * @param primaryFingerprint the primary key's fingerprint (equal to {@code fingerprint} for a primary key)
 * @param created            the key's creation time
 * @param expires            when the key stops being valid, from the newest valid self- or binding signature
 * @param revocation         a valid revocation of this key or its primary key
 * @param unusable           why the key may not sign at all, when it may not
 */
record TrustedKey(
        PGPPublicKey key,
        String fingerprint,
        String primaryFingerprint,
        Instant created,
        Optional<Instant> expires,
        Optional<Revocation> revocation,
        Optional<String> unusable) {

    /**
     * A revocation. A hard one (compromised key, or no reason given) voids every signature; a soft one
     * (superseded, retired) voids only signatures made at or after {@code at}, as RFC 9580 §5.2.3.31 says.
     */
    record Revocation(Instant at, boolean hard, String reason) {
    }

    boolean isSubkey() {
        return !fingerprint.equals(primaryFingerprint);
    }

    static String hex(byte[] fingerprint) {
        return HexFormat.of().withUpperCase().formatHex(fingerprint);
    }
}
