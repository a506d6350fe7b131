package dev.sumlog.tlog.merkle;

import dev.sumlog.tlog.TlogException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1.3.2 (inclusion) and 2.1.4.2 (consistency) proof verification, with the
 * extra guards of transparency-dev/merkle: a leaf hash must be 32 bytes, an old size of 0 is
 * rejected (nothing can be proven about an empty tree), and equal sizes need an empty proof.
 *
 * <p>Sizes and indexes are unsigned in the RFC; here they must be non-negative longs, and a
 * negative value (a uint64 above 2^63 - 1) is rejected as out of range.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /**
     * Checks that {@code leafHash} is at {@code index} in the tree of {@code size} with root
     * {@code root}.
     *
     * @throws TlogException naming the failed check
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new TlogException("inclusion proof: computed root != expected root");
        }
    }

    /** Runs the inclusion proof and returns the root it implies, checking its shape. */
    public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || size < 0) {
            throw new TlogException("inclusion proof: index or tree size out of range");
        }
        if (index >= size) {
            throw new TlogException("inclusion proof: index " + index + " >= tree size " + size);
        }
        if (leafHash.length != Rfc6962.HASH_SIZE) {
            throw new TlogException("inclusion proof: leaf hash is " + leafHash.length + " bytes, want 32");
        }
        requireHashSizes("inclusion proof", proof);
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new TlogException("inclusion proof: more hashes than the tree size allows");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.hashChildren(p, r);
                // Right-edge nodes with no sibling are carried up unchanged.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Rfc6962.hashChildren(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new TlogException("inclusion proof: fewer hashes than the tree size needs");
        }
        return r;
    }

    /**
     * Checks that the tree of {@code size1} with {@code root1} is a prefix of the tree of
     * {@code size2} with {@code root2}.
     *
     * @throws TlogException naming the failed check
     */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < 0) {
            throw new TlogException("consistency proof: tree size out of range");
        }
        if (size1 == 0) {
            throw new TlogException("consistency proof: old size is 0");
        }
        if (size2 < size1) {
            throw new TlogException("consistency proof: new size " + size2 + " < old size " + size1);
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new TlogException("consistency proof: equal sizes need an empty proof");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new TlogException("consistency proof: equal sizes but roots differ");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new TlogException("consistency proof: empty proof for different sizes");
        }
        requireHashSizes("consistency proof", proof);
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            // The old tree is one complete subtree, so the proof omits its root.
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new TlogException("consistency proof: more hashes than the tree sizes allow");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.hashChildren(c, fr);
                sr = Rfc6962.hashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Rfc6962.hashChildren(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new TlogException("consistency proof: fewer hashes than the tree sizes need");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new TlogException("consistency proof: computed old root != expected old root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new TlogException("consistency proof: computed new root != expected new root");
        }
    }

    private static void requireHashSizes(String what, List<byte[]> proof) {
        for (int i = 0; i < proof.size(); i++) {
            if (proof.get(i).length != Rfc6962.HASH_SIZE) {
                throw new TlogException(what + ": hash " + i + " is " + proof.get(i).length + " bytes, want 32");
            }
        }
    }
}
