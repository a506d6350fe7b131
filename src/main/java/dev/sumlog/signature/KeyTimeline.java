package dev.sumlog.signature;

import dev.sumlog.signature.SignatureResult.Status;
import dev.sumlog.signature.TrustedKey.Revocation;
import java.time.Instant;
import java.util.Optional;

/**
 * Judges a signature whose bytes verified against what its key allowed at the moment it was made. The
 * moment is the signature's own creation time, never the time of the check: OpenStack lets each cycle's
 * key expire a month after the cycle, and what it signed during the cycle must stay good.
 */
final class KeyTimeline {

    private KeyTimeline() {
    }

    static SignatureResult judge(TrustedKey key, Instant signedAt) {
        String who = describe(key);
        if (signedAt.isBefore(key.created())) {
            return SignatureResult.of(Status.BAD, key, signedAt,
                    "signature made " + signedAt + ", before " + who + " was created " + key.created());
        }
        if (key.unusable().isPresent()) {
            return SignatureResult.of(Status.BAD, key, signedAt, who + " cannot sign: " + key.unusable().get());
        }
        Optional<Revocation> revocation = key.revocation();
        if (revocation.isPresent() && (revocation.get().hard() || !signedAt.isBefore(revocation.get().at()))) {
            Revocation revoked = revocation.get();
            return SignatureResult.of(Status.BAD, key, signedAt,
                    who + " is revoked (" + (revoked.hard() ? "hard" : "since " + revoked.at()) + ", "
                            + revoked.reason() + ")");
        }
        Optional<Instant> expires = key.expires();
        if (expires.isPresent() && !signedAt.isBefore(expires.get())) {
            return SignatureResult.of(Status.EXPIRED_KEY, key, signedAt,
                    "signature made " + signedAt + ", after " + who + " expired " + expires.get());
        }
        return SignatureResult.of(Status.GOOD, key, signedAt, "good signature made " + signedAt + " by " + who
                + expires.map(at -> " (valid until " + at + ")").orElse(""));
    }

    static String describe(TrustedKey key) {
        return key.isSubkey() ? "subkey " + key.fingerprint() + " of key " + key.primaryFingerprint()
                : "key " + key.fingerprint();
    }
}
