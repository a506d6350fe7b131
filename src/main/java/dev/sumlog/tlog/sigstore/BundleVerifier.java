package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.note.Checkpoint;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies a message-signature Sigstore bundle offline: the artifact digest, the signature with
 * the signer's key, that the log entry names that digest, signature and key, and the log entry
 * itself ({@link RekorV1Verifier} with the SET when present, {@link RekorV2Verifier}).
 *
 * <p>The signer key is the caller's: for a certificate-signed bundle the caller may pass the
 * certificate's key, but this class does not check the certificate chain (Fulcio) or identity.
 * RFC 3161 timestamps are not checked here; {@link SigstoreBundle#rfc3161Timestamps()} exposes them.
 */
public final class BundleVerifier {

    private BundleVerifier() {
    }

    /** Verifies against the logs of a trusted root (v1: found by log ID; v2: by key ID). */
    public static BundleVerification verify(String bundleJson, byte[] artifact, PublicKey signerKey, TrustedRoot root) {
        return verify(SigstoreBundle.parse(bundleJson), artifact, signerKey,
                entry -> root.logByKeyId(logKeyId(entry)));
    }

    /** Verifies against one log the caller trusts; an entry from any other log fails. */
    public static BundleVerification verify(String bundleJson, byte[] artifact, PublicKey signerKey, LogKey log) {
        return verify(SigstoreBundle.parse(bundleJson), artifact, signerKey,
                entry -> MessageDigest.isEqual(logKeyId(entry), log.keyId()) ? Optional.of(log) : Optional.empty());
    }

    /**
     * @param artifact the artifact bytes, or null to check the signature against the bundle's
     *        digest only (when the artifact is not at hand)
     * @throws TlogException naming the failed check
     */
    public static BundleVerification verify(SigstoreBundle bundle, byte[] artifact, PublicKey signerKey,
            Function<TlogEntry, Optional<LogKey>> logs) {
        TlogEntry entry = bundle.tlogEntry();
        LogKey log = logs.apply(entry).orElseThrow(() -> new TlogException(
                "Sigstore bundle: tlog entry is from an untrusted log (ID " + HexFormat.of().formatHex(logKeyId(entry)) + ")"));
        Checkpoint checkpoint;
        Optional<Instant> integratedTime = Optional.empty();
        if (entry instanceof RekorV1Entry v1) {
            checkpoint = RekorV1Verifier.verify(v1, log.key(), log.host(), RekorV1Verifier.SetPolicy.IF_PRESENT);
            if (v1.signedEntryTimestamp().isPresent()) {
                integratedTime = Optional.of(Instant.ofEpochSecond(v1.integratedTime()));
                if (!log.validAt(integratedTime.get())) {
                    throw new TlogException("Sigstore bundle: log key of " + log.baseUrl()
                            + " was not valid at the integrated time " + integratedTime.get());
                }
            }
        } else {
            checkpoint = RekorV2Verifier.verify((RekorV2Entry) entry, log);
        }
        verifyMessage(bundle, HashedRekordBody.parse(entry.canonicalizedBody()), artifact, signerKey);
        return new BundleVerification(log, entry.logIndex(), integratedTime, checkpoint, entry);
    }

    private static void verifyMessage(SigstoreBundle bundle, HashedRekordBody body, byte[] artifact, PublicKey signerKey) {
        byte[] digest = bundle.messageDigest();
        if (!MessageDigest.isEqual(body.sha256(), digest)) {
            throw new TlogException("Sigstore bundle: tlog body digest " + body.sha256Hex() + " != messageDigest");
        }
        if (artifact != null && !MessageDigest.isEqual(PublicKeys.sha256(artifact), digest)) {
            throw new TlogException("Sigstore bundle: messageDigest is not the SHA-256 of the artifact");
        }
        if (!MessageDigest.isEqual(body.signature(), bundle.signature())) {
            throw new TlogException("Sigstore bundle: tlog body signature != messageSignature.signature");
        }
        if (!MessageDigest.isEqual(body.verifierKey().getEncoded(), signerKey.getEncoded())) {
            throw new TlogException("Sigstore bundle: tlog body names another signer key");
        }
        if (!ArtifactSignatures.verifyDigest(signerKey, digest, bundle.signature())) {
            throw new TlogException("Sigstore bundle: messageSignature does not verify with the signer key");
        }
    }

    private static byte[] logKeyId(TlogEntry entry) {
        return entry instanceof RekorV2Entry v2 ? v2.logKeyId() : HexFormat.of().parseHex(((RekorV1Entry) entry).logId());
    }
}
