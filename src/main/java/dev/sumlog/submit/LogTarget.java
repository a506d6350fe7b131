package dev.sumlog.submit;

import dev.sumlog.tlog.receipt.TlogProof;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A transparency log sumlog records releases in. Implementations verify every proof and signature
 * the log returns before handing back a {@link Logged}; a caller may record a {@link Logged} as
 * logged without further checks.
 *
 * <p>Exactly-once protocol: the caller records {@link #nextIndex()} (plus the position in the batch)
 * durably before {@link #append}; after a crash, {@link #find} at that index tells whether the append
 * happened.
 */
public interface LogTarget extends AutoCloseable {

    /** Stable identity of the log, stored with each submission (e.g. the embedded log's origin). */
    String id();

    /** The index the next appended entry will take. */
    long nextIndex();

    /** The entry at {@code index} when it equals {@code entry}, verified; empty when it is not there. */
    Optional<Logged> find(byte[] entry, long index) throws IOException;

    /** Appends entries in order; one verified receipt per entry. */
    List<Logged> append(List<byte[]> entries) throws IOException;

    /** The log's newest signed checkpoint, verified. */
    String checkpointNote() throws IOException;

    /**
     * Checks that the log's current tree extends a checkpoint trusted earlier (same origin and key,
     * no smaller, consistency proof verified), so a rolled-back or forked log is never appended to.
     */
    void verifyExtends(String trustedCheckpointNote) throws IOException;

    @Override
    void close() throws IOException;

    /** A verified inclusion of one entry. */
    record Logged(long index, TlogProof receipt) {
    }
}
