package dev.sumlog.catalog;

/**
 * Where a release row stands (see the state table in the README):
 * <pre>
 * (new) | any ──crawl: a member added, changed or gone──> PENDING
 * PENDING ──writeSums──> WRITTEN | BLOCKED | EMPTY | CHANGED
 * WRITTEN ──writeSums in a new output tree that lacks its sums──> PENDING (rewritten from the catalog)
 * </pre>
 */
public enum ReleaseState {
    /** Its sums are to be (re)written. */
    PENDING,
    /** Its sums file is written and {@code sums_sha256} is their digest. */
    WRITTEN,
    /** Not written: a member is unreadable, or the output cannot be written (reason in {@code blocked_by}). */
    BLOCKED,
    /** No live member is left. */
    EMPTY,
    /** Logged before, and its content has changed since: published sums kept, alert raised, not logged again. */
    CHANGED
}
