package dev.sumlog.audit;

import java.io.IOException;
import java.util.Optional;

/** A log as of one verified checkpoint. */
public interface LogView {

    /**
     * Checks that the tree of this view extends {@code older}, an earlier checkpoint of the same log,
     * by a consistency proof verified against both roots (sizes and origins are the caller's checks).
     *
     * @throws dev.sumlog.tlog.TlogException the proof does not verify: the history was rewritten
     * @throws IOException the log could not be read
     */
    void verifyExtends(dev.sumlog.tlog.note.Checkpoint older) throws IOException;

    /**
     * The entry at {@code index}, authenticated (by an inclusion proof in this view's tree, or for Rekor v1
     * by the entry's own signed proof); empty when the log has no entry there.
     *
     * @throws dev.sumlog.tlog.TlogException what the log serves at {@code index} does not verify
     * @throws IOException the log could not be read
     */
    Optional<byte[]> entry(long index) throws IOException;
}
