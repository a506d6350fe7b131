package dev.sumlog.digest;

import dev.sumlog.digest.archive.Integrity;
import dev.sumlog.signature.SignatureResult;

/**
 * Everything one read of an artifact found: the digest and byte count, the archive's integrity and
 * the detached signature's result, all from the same bytes.
 *
 * @param integrity {@link Integrity#skipped()} when inspection is off for the job
 * @param signature null when the artifact's signature is not checked
 */
public record ReadResult(String sha256, long bytes, Integrity integrity, SignatureResult signature) {

    /**
     * Why these bytes put their release in doubt, in one line, or null when they do not: a flagged
     * archive, or a signature that a trusted key contradicts (bad, made with an expired key) or that is
     * not a signature at all. An unknown key or a missing signature is reported but is no doubt: it
     * says nothing against the bytes, and an incomplete keyring must not hold a whole archive.
     */
    public String doubt() {
        String archive = integrity.status() == Integrity.Status.FLAGGED ? "archive " + integrity.summary() : null;
        String signed = signature != null && contradicts(signature)
                ? "signature " + signature.status() + ": " + signature.detail() : null;
        if (archive == null || signed == null) {
            return archive != null ? archive : signed;
        }
        return signed + "; " + archive;
    }

    /** Whether a signature result speaks against the bytes (or is no signature at all). */
    public static boolean contradicts(SignatureResult signature) {
        return switch (signature.status()) {
            case BAD, EXPIRED_KEY, MALFORMED -> true;
            case GOOD, UNKNOWN_KEY, NO_SIGNATURE -> false;
        };
    }
}
