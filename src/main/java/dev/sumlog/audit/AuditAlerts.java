package dev.sumlog.audit;

/**
 * The alert kinds an audit raises. Evidence is deterministic (sizes, roots, digests, the failed check;
 * never a time), so a condition that persists is the same alert every week and is raised once.
 */
public final class AuditAlerts {

    /** A published receipt (tlog-proof or Sigstore bundle) no longer verifies or is not the release's. */
    public static final String RECEIPT_INVALID = "RECEIPT_INVALID";
    /** A log's tree is smaller than one it showed before. */
    public static final String LOG_ROLLED_BACK = "LOG_ROLLED_BACK";
    /** A log's tree does not extend one it showed before: same size with another root, or no valid consistency proof. */
    public static final String LOG_FORKED = "LOG_FORKED";
    /** A log's checkpoint (or the trusted one) is not signed by the log's trusted key. */
    public static final String LOG_KEY_CHANGED = "LOG_KEY_CHANGED";
    /** A logged release's entry is no longer at its index with the same bytes. */
    public static final String ENTRY_CHANGED = "ENTRY_CHANGED";
    /** A release file read again has another digest than the catalog's. */
    public static final String REHASH_MISMATCH = "REHASH_MISMATCH";
    /** A release file the catalog holds as hashed is gone. */
    public static final String REHASH_MISSING = "REHASH_MISSING";

    private AuditAlerts() {
    }
}
