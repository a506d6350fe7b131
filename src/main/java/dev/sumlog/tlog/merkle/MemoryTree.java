package dev.sumlog.tlog.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree held in memory: every complete subtree hash is kept, so proofs
 * cost O(log n) lookups. Meant for tests, fakes and small logs; not thread-safe.
 */
public final class MemoryTree implements HashSource {

    /** levels.get(h).get(i) = hash of the complete subtree of height h at position i. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    /** Appends one raw entry (leaf-hashed here) and returns its index. */
    public long appendEntry(byte[] entry) {
        return appendLeafHash(Rfc6962.hashLeaf(entry));
    }

    /** Appends one leaf hash and returns its index. */
    public long appendLeafHash(byte[] leafHash) {
        long index = size();
        byte[] hash = leafHash.clone();
        // A new node completes its parent whenever it lands on an odd position.
        for (int level = 0; ; level++) {
            if (levels.size() == level) {
                levels.add(new ArrayList<>());
            }
            List<byte[]> row = levels.get(level);
            row.add(hash);
            if (row.size() % 2 == 1) {
                return index;
            }
            hash = Rfc6962.hashChildren(row.get(row.size() - 2), hash);
        }
    }

    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    /** Root of the whole tree (the empty-tree hash when empty). */
    public byte[] root() {
        return new ProofGenerator(this).rootHash(size());
    }

    @Override
    public byte[] subtreeHash(int level, long index) {
        return levels.get(level).get(Math.toIntExact(index)).clone();
    }
}
