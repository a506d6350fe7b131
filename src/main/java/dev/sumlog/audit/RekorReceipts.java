package dev.sumlog.audit;

import dev.sumlog.catalog.AuditRepository.LoggedSubmission;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.sigstore.BundleVerification;
import dev.sumlog.tlog.sigstore.BundleVerifier;
import dev.sumlog.tlog.sigstore.LogKey;
import dev.sumlog.tlog.sigstore.SigstoreBundle;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Offline checks of a Sigstore bundle sumlog published for a Rekor v1 or v2 log: the bundle verifies
 * with the project's {@link BundleVerifier} (signature with the key the stored request names, the log
 * entry names that digest, signature and key, inclusion in a checkpoint signed by the trusted log key,
 * v1's SET when present), and it is the bundle of this release: its digest is the logged sums file's,
 * its index the one the catalog recorded. RFC 3161 timestamps are not checked here ({@code verify} does).
 */
final class RekorReceipts {

    private RekorReceipts() {
    }

    static void verify(LoggedSubmission submission, byte[] bundleBytes, LogKey log) {
        String json = new String(bundleBytes, StandardCharsets.UTF_8);
        SigstoreBundle bundle = SigstoreBundle.parse(json);
        BundleVerification verified = BundleVerifier.verify(json, null, StoredRequests.signerKey(submission.entry()), log);
        String digest = HexFormat.of().formatHex(bundle.messageDigest());
        if (!digest.equals(submission.sumsSha256())) {
            throw new TlogException("the bundle is for sha256 " + digest + ", but the release's logged sums file has "
                    + submission.sumsSha256());
        }
        if (verified.logIndex() != submission.logIndex()) {
            throw new TlogException("the bundle's entry is " + verified.logIndex() + ", but the release was logged at "
                    + submission.logIndex());
        }
    }
}
