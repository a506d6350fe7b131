package dev.sumlog.tlog.merkle;

/**
 * Supplies the hashes of complete subtrees of one Merkle tree, so that {@link ProofGenerator}
 * can build proofs without caring whether the tree lives in memory or in tiles on disk.
 *
 * <p>A complete subtree of height {@code level} at position {@code index} covers the leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}; at level 0 it is a leaf hash.
 * Implementations only need to answer for subtrees that are complete in the tree they hold.
 */
@FunctionalInterface
public interface HashSource {

    /** Hash of the complete subtree of height {@code level} at position {@code index}. */
    byte[] subtreeHash(int level, long index);
}
