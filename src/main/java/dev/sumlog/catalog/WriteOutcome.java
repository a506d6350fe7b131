package dev.sumlog.catalog;

/**
 * What the write step did with one release, recorded in the chunk transaction.
 *
 * @param reason why the release is BLOCKED, or the evidence of a CHANGED release (its alert); null otherwise
 */
public record WriteOutcome(long releaseId, ReleaseState state, String sumsPath, String sumsSha256, String rgetName,
                           int memberCount, String reason) {

    /** Sums written: {@code sumsSha256} is the digest of the file's bytes. */
    public static WriteOutcome written(long releaseId, String sumsPath, String sumsSha256, String rgetName,
                                       int memberCount) {
        return new WriteOutcome(releaseId, ReleaseState.WRITTEN, sumsPath, sumsSha256, rgetName, memberCount, null);
    }

    /** Not written (an unreadable member, an output that cannot be written); reported as skipped. */
    public static WriteOutcome blocked(long releaseId, String reason, int memberCount) {
        return new WriteOutcome(releaseId, ReleaseState.BLOCKED, null, null, null, memberCount, reason);
    }

    /** No live member left. */
    public static WriteOutcome empty(long releaseId) {
        return new WriteOutcome(releaseId, ReleaseState.EMPTY, null, null, null, 0, null);
    }

    /** Logged with {@code loggedSha256} and now different: published sums kept, alert raised with the evidence. */
    public static WriteOutcome changed(long releaseId, String sumsPath, String loggedSha256, String evidence,
                                       int memberCount) {
        return new WriteOutcome(releaseId, ReleaseState.CHANGED, sumsPath, loggedSha256, null, memberCount, evidence);
    }
}
