package dev.sumlog.tlog.tiles;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.ProofGenerator;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.receipt.TlogProof;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Read-only view of a tlog-tiles log at one verified checkpoint, over any {@link TileFetcher}
 * (a directory or a published URL).
 *
 * <p>Trust model: only the checkpoint signature is trusted. Tiles and bundles are not; every
 * entry returned is checked by an inclusion proof against the checkpoint root, and on open
 * the tiles must reproduce that root. Proofs returned are computed from tiles, so a caller
 * that verifies them against signed roots needs no trust in the server either.
 *
 * <p>Instances are immutable snapshots and thread-safe (if the fetcher is), so one reader
 * can serve concurrent proof requests.
 */
public final class TileReader {

    private final Checkpoint checkpoint;
    private final String checkpointNote;
    private final TileStore store;
    private final ProofGenerator proofs;

    private TileReader(TileFetcher fetcher, Checkpoint checkpoint, String checkpointNote) {
        this.checkpoint = checkpoint;
        this.checkpointNote = checkpointNote;
        this.store = new TileStore(fetcher, checkpoint.size());
        this.proofs = new ProofGenerator(store);
    }

    /**
     * Fetches {@code checkpoint}, checks its signature and origin, and checks that the tiles
     * reproduce its root.
     *
     * @throws TlogException naming the failed check
     */
    public static TileReader open(TileFetcher fetcher, NoteVerifiers trusted, String origin) throws IOException {
        byte[] note = fetcher.fetch("checkpoint").orElseThrow(() -> new TlogException("tile log: no checkpoint"));
        Checkpoint checkpoint = Checkpoint.fromSignedNote(note, trusted);
        if (!checkpoint.origin().equals(origin)) {
            throw new TlogException("tile log: checkpoint origin '" + checkpoint.origin() + "' != '" + origin + "'");
        }
        return atVerifiedCheckpoint(fetcher, checkpoint, new String(note, StandardCharsets.UTF_8));
    }

    /** Reader at a checkpoint whose signature the caller already checked. */
    static TileReader atVerifiedCheckpoint(TileFetcher fetcher, Checkpoint checkpoint, String note) throws IOException {
        TileReader reader = new TileReader(fetcher, checkpoint, note);
        if (!MessageDigest.isEqual(reader.store.rootHash(), checkpoint.rootHash())) {
            throw new TlogException("tile log: tiles do not reproduce the checkpoint root");
        }
        return reader;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The signed checkpoint note, as served. */
    public String checkpointNote() {
        return checkpointNote;
    }

    public long size() {
        return checkpoint.size();
    }

    /** Root hash of the tree of the first {@code treeSize} leaves (at most {@link #size()}). */
    public byte[] rootHash(long treeSize) throws IOException {
        requireTreeSize(treeSize);
        return io(() -> proofs.rootHash(treeSize));
    }

    public List<byte[]> inclusionProof(long index, long treeSize) throws IOException {
        requireTreeSize(treeSize);
        return io(() -> proofs.inclusionProof(index, treeSize));
    }

    public List<byte[]> consistencyProof(long oldSize, long newSize) throws IOException {
        requireTreeSize(newSize);
        return io(() -> proofs.consistencyProof(oldSize, newSize));
    }

    /** Entry {@code index}, checked against the checkpoint root. */
    public byte[] entry(long index) throws IOException {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("entry " + index + " not in log of size " + size());
        }
        byte[] entry = store.bundleOf(index).get((int) (index % Tile.FULL_WIDTH));
        requireIncluded(index, entry);
        return entry.clone();
    }

    /**
     * Index of the first entry at or after {@code fromIndex} equal to {@code entry}. A match is
     * checked against the checkpoint root; absence is not provable this way.
     */
    public OptionalLong find(byte[] entry, long fromIndex) throws IOException {
        for (long index = Math.max(0, fromIndex); index < size(); ) {
            List<byte[]> bundle = store.bundleOf(index);
            long bundleStart = index - index % Tile.FULL_WIDTH;
            for (int i = (int) (index - bundleStart); i < bundle.size(); i++) {
                if (Arrays.equals(bundle.get(i), entry)) {
                    requireIncluded(bundleStart + i, entry);
                    return OptionalLong.of(bundleStart + i);
                }
            }
            index = bundleStart + Tile.FULL_WIDTH;
        }
        return OptionalLong.empty();
    }

    /** A tlog-proof receipt for entry {@code index} at this checkpoint. */
    public TlogProof receipt(long index) throws IOException {
        return new TlogProof(Optional.empty(), index, inclusionProof(index, size()), checkpointNote);
    }

    /**
     * Checks that this log's checkpoint extends {@code older}, a checkpoint of the same log
     * trusted earlier (for example the last one an auditor saw).
     *
     * @throws TlogException naming the failed check
     */
    public void verifyExtends(Checkpoint older) throws IOException {
        if (!older.origin().equals(checkpoint.origin())) {
            throw new TlogException("consistency proof: origin '" + older.origin() + "' != '" + checkpoint.origin() + "'");
        }
        if (older.size() == 0) {
            if (!MessageDigest.isEqual(older.rootHash(), Rfc6962.emptyRoot())) {
                throw new TlogException("consistency proof: empty tree with a non-empty root");
            }
            return;
        }
        if (older.size() > size()) {
            throw new TlogException("consistency proof: new size " + size() + " < old size " + older.size());
        }
        ProofVerifier.verifyConsistency(older.size(), size(), consistencyProof(older.size(), size()),
                older.rootHash(), checkpoint.rootHash());
    }

    private void requireIncluded(long index, byte[] entry) throws IOException {
        try {
            ProofVerifier.verifyInclusion(index, size(), Rfc6962.hashLeaf(entry), inclusionProof(index, size()),
                    checkpoint.rootHash());
        } catch (TlogException e) {
            throw new TlogException("tile log: entry " + index + " does not match the checkpoint: " + e.getMessage(), e);
        }
    }

    private void requireTreeSize(long treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " not in 0.." + size());
        }
    }

    /** Proof generation reads tiles through a HashSource, which cannot throw IOException. */
    private static <T> T io(Supplier<T> work) throws IOException {
        try {
            return work.get();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
