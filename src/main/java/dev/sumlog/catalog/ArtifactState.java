package dev.sumlog.catalog;

/**
 * Where an artifact row stands. Every transition is written in the chunk transaction of the step
 * that makes it (see the state table in the README):
 * <pre>
 * (new) ──crawl──> PENDING ──hash──> HASHED | FAILED
 * HASHED | FAILED | GONE ──crawl sees it changed, failed or back──> PENDING
 * any but GONE ──markGone: not seen by this run's finished crawl──> GONE
 * </pre>
 */
public enum ArtifactState {
    /** Listed by the crawl; its bytes are still to be read. */
    PENDING,
    /** Read; {@code sha256} holds the digest of the bytes the stored stamp describes. */
    HASHED,
    /** Could not be read; {@code failure} says why. Its release is not written. */
    FAILED,
    /** No longer in the archive; detached from its release. */
    GONE
}
