package dev.sumlog.verify;

import dev.sumlog.support.OneLine;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.sigstore.BundleVerification;
import dev.sumlog.tlog.sigstore.BundleVerifier;
import dev.sumlog.tlog.sigstore.RekorV1Entry;
import dev.sumlog.tlog.sigstore.SigstoreBundle;
import dev.sumlog.tlog.sigstore.TlogEntry;
import dev.sumlog.tlog.timestamp.TimestampVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks {@link Check#BUNDLE} and {@link Check#SIGNED_TIME} of one Sigstore bundle over a sums file.
 * The signed time is only worth checking once the bundle verified (it dates that signature), so
 * callers stop at the first failure; {@link #verification()} is meaningful after {@link #bundle()} passed.
 */
final class BundleChain {

    private final Path bundleFile;
    private final byte[] bundleBytes;
    private final byte[] sumsBytes;
    private final BundleInputs inputs;
    private SigstoreBundle bundle;
    private BundleVerification verification;

    BundleChain(Path bundleFile, byte[] bundleBytes, byte[] sumsBytes, BundleInputs inputs) {
        this.bundleFile = bundleFile;
        this.bundleBytes = bundleBytes.clone();
        this.sumsBytes = sumsBytes.clone();
        this.inputs = inputs;
    }

    CheckResult bundle() {
        try {
            bundle = SigstoreBundle.parse(new String(bundleBytes, StandardCharsets.UTF_8));
            verification = BundleVerifier.verify(bundle, sumsBytes, inputs.signer(), inputs.trust()::logFor);
        } catch (TlogException | IllegalArgumentException e) {
            return CheckResult.fail(Check.BUNDLE, bundleFile + ": " + e.getMessage());
        }
        TlogEntry entry = verification.entry();
        String kind = entry instanceof RekorV1Entry ? "Rekor v1" : "Rekor v2";
        return CheckResult.ok(Check.BUNDLE, OneLine.quote(inputs.sums().getFileName().toString()) + " signed by key "
                + keyHint() + ", " + kind + " entry " + verification.logIndex() + " of " + verification.log().baseUrl()
                + " in its tree of size " + verification.checkpoint().size());
    }

    /**
     * A signature is only as good as the time it can be shown to have existed (the signer key may
     * leak later). Every RFC 3161 timestamp present must verify; a Rekor v1 SET counts as a signed time.
     * With a trusted root one signed time is required, as sigstore-js and sigstore-go require it; with
     * a bare log key there are no TSAs to check against, so a missing one is a skip (cosign does the same).
     */
    CheckResult signedTime() {
        List<String> times = new ArrayList<>();
        verification.integratedTime().ifPresent(t -> times.add("log's signed entry timestamp " + t));
        List<byte[]> stamps = bundle.rfc3161Timestamps();
        if (!stamps.isEmpty() && inputs.trust().tsas().isEmpty()) {
            String why = inputs.trust().isTrustedRoot() ? "the trusted root lists no timestampAuthorities"
                    : "--log-key trusts no timestamp authority; pass --trusted-root to check it";
            return inputs.trust().isTrustedRoot()
                    ? CheckResult.fail(Check.SIGNED_TIME, "bundle has an RFC 3161 timestamp, but " + why)
                    : CheckResult.skip(Check.SIGNED_TIME, "bundle has an RFC 3161 timestamp, not checked: " + why);
        }
        for (int i = 0; i < stamps.size(); i++) {
            Instant genTime;
            try {
                genTime = TimestampVerifier.verify(stamps.get(i), bundle.signature(), inputs.trust().tsas());
            } catch (TlogException e) {
                return CheckResult.fail(Check.SIGNED_TIME, "RFC 3161 timestamp " + (i + 1) + ": " + e.getMessage());
            }
            if (!verification.log().validAt(genTime)) {
                return CheckResult.fail(Check.SIGNED_TIME, "RFC 3161 time " + genTime + " is outside the validity of "
                        + verification.log().baseUrl() + "'s key");
            }
            times.add("RFC 3161 timestamp " + genTime);
        }
        if (times.isEmpty()) {
            String why = "the bundle carries no RFC 3161 timestamp and its log entry no signed entry timestamp"
                    + " (Rekor v2 entries have none)";
            return inputs.trust().isTrustedRoot() ? CheckResult.fail(Check.SIGNED_TIME, why)
                    : CheckResult.skip(Check.SIGNED_TIME, why);
        }
        return CheckResult.ok(Check.SIGNED_TIME, String.join(", ", times));
    }

    /** The verified bundle; valid after {@link #bundle()} passed. */
    BundleVerification verification() {
        return verification;
    }

    /** cosign's key hint, base64(SHA-256(SPKI)): what a user compares with their key's. */
    private String keyHint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inputs.signer().getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
