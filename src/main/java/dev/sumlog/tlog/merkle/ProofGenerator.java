package dev.sumlog.tlog.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds RFC 6962 section 2.1.1 inclusion proofs (PATH) and section 2.1.2 consistency proofs
 * (PROOF/SUBPROOF) from a {@link HashSource}. The source must hold a tree at least as large as
 * the sizes asked for.
 *
 * <p>Every range the RFC recursion hashes starts at a multiple of a power of two at least as
 * large as the range, so its tree hash is the right fold of its decomposition into complete
 * subtrees (largest first). That is how range hashes get away with O(log n) lookups.
 */
public final class ProofGenerator {

    private final HashSource source;

    public ProofGenerator(HashSource source) {
        this.source = source;
    }

    /** MTH(D[0:size]). */
    public byte[] rootHash(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("root hash: negative tree size " + size);
        }
        return size == 0 ? Rfc6962.emptyRoot() : rangeHash(0, size);
    }

    /** PATH(index, D[0:size]), ordered from the leaf's sibling up to the root's child. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("inclusion proof: index " + index + " not in tree size " + size);
        }
        List<byte[]> rootFirst = new ArrayList<>();
        long start = 0;
        long end = size;
        while (end - start > 1) {
            long mid = start + Rfc6962.splitPoint(end - start);
            if (index < mid) {
                rootFirst.add(rangeHash(mid, end));
                end = mid;
            } else {
                rootFirst.add(rangeHash(start, mid));
                start = mid;
            }
        }
        Collections.reverse(rootFirst);
        return rootFirst;
    }

    /** PROOF(oldSize, D[0:newSize]); empty when the sizes are equal. */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        if (oldSize <= 0 || oldSize > newSize) {
            throw new IllegalArgumentException("consistency proof: need 0 < old size <= new size, got "
                    + oldSize + " -> " + newSize);
        }
        List<byte[]> rootFirst = new ArrayList<>();
        long start = 0;
        long end = newSize;
        long m = oldSize;
        // True while the old tree's root is the left edge of [start, end): the verifier knows it.
        boolean oldRootKnown = true;
        while (m != end - start) {
            long k = Rfc6962.splitPoint(end - start);
            if (m <= k) {
                rootFirst.add(rangeHash(start + k, end));
                end = start + k;
            } else {
                rootFirst.add(rangeHash(start, start + k));
                start += k;
                m -= k;
                oldRootKnown = false;
            }
        }
        if (!oldRootKnown) {
            rootFirst.add(rangeHash(start, end));
        }
        Collections.reverse(rootFirst);
        return rootFirst;
    }

    /** MTH(D[start:end]) for a range aligned as described in the class comment. */
    private byte[] rangeHash(long start, long end) {
        List<byte[]> parts = new ArrayList<>();
        for (long pos = start; pos < end; ) {
            int level = Math.min(Long.numberOfTrailingZeros(pos), 63 - Long.numberOfLeadingZeros(end - pos));
            parts.add(source.subtreeHash(level, pos >>> level));
            pos += 1L << level;
        }
        byte[] hash = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = Rfc6962.hashChildren(parts.get(i), hash);
        }
        return hash;
    }
}
