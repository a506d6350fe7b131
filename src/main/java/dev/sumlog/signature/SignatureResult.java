package dev.sumlog.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What checking one artifact's detached signature found.
 *
 * @param status                what it comes to
 * @param fingerprint           the primary key's fingerprint (upper-case hex, no spaces, as
 *                              {@code gpg --with-colons} prints it) whenever a trusted key was found for the
 *                              signature: for GOOD, EXPIRED_KEY and a BAD that a known key failed to verify
 * @param signingKeyFingerprint the fingerprint of the key that made the signature, a subkey's when a subkey
 *                              did; equal to {@code fingerprint} when the primary key signed
 * @param signedAt              the signature's creation time, when a signature was read
 * @param detail                one line for people: which check failed, or which key signed
 */
public record SignatureResult(
        Status status,
        Optional<String> fingerprint,
        Optional<String> signingKeyFingerprint,
        Optional<Instant> signedAt,
        String detail) {

    /** The outcomes; only {@link #GOOD} means the artifact is what a trusted key signed. */
    public enum Status {
        /** A trusted key, valid when it signed, signed exactly these bytes. */
        GOOD,
        /**
         * A trusted key's signature that does not hold: the bytes differ from what was signed (a tampered or
         * replaced artifact), the signature predates the key, or the key was revoked or may not sign.
         */
        BAD,
        /** No key in the trusted keyrings made any of the signatures. */
        UNKNOWN_KEY,
        /** The bytes match, but the signature was made after the signing key had expired. */
        EXPIRED_KEY,
        /** The artifact has no signature file. */
        NO_SIGNATURE,
        /**
         * The signature file holds no OpenPGP document signature: garbage, an HTML error page saved as
         * {@code .asc}, a key instead of a signature. Kept apart from BAD because the fix differs: BAD says
         * the artifact is in doubt, MALFORMED says the signature file is; neither is good.
         */
        MALFORMED
    }

    public SignatureResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(signingKeyFingerprint, "signingKeyFingerprint");
        Objects.requireNonNull(signedAt, "signedAt");
        detail = OneLine.of(detail);
    }

    /** For an artifact that has no {@code .asc} or {@code .sig} next to it. */
    public static SignatureResult noSignature() {
        return new SignatureResult(Status.NO_SIGNATURE, Optional.empty(), Optional.empty(), Optional.empty(),
                "no signature file");
    }

    static SignatureResult malformed(String why) {
        return new SignatureResult(Status.MALFORMED, Optional.empty(), Optional.empty(), Optional.empty(),
                "not an OpenPGP signature: " + why);
    }

    static SignatureResult of(Status status, TrustedKey key, Instant signedAt, String detail) {
        return new SignatureResult(status, Optional.of(key.primaryFingerprint()), Optional.of(key.fingerprint()),
                Optional.of(signedAt), detail);
    }

    static SignatureResult unknownKey(Instant signedAt, String detail) {
        return new SignatureResult(Status.UNKNOWN_KEY, Optional.empty(), Optional.empty(), Optional.of(signedAt),
                detail);
    }

    public boolean isGood() {
        return status == Status.GOOD;
    }
}
