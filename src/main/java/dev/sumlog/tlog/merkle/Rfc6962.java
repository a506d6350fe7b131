package dev.sumlog.tlog.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * RFC 6962 section 2.1 hashing with SHA-256.
 *
 * <p>Leaves and interior nodes get different one-byte prefixes (0x00 and 0x01) so that a leaf
 * can never be passed off as an interior node (second-preimage protection).
 */
public final class Rfc6962 {

    /** Size in bytes of every hash in the tree. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /**
     * One digest per thread, reset before each use: {@code MessageDigest.getInstance} walks the
     * security providers on every call, which cost more than the hash itself for 65-byte inputs.
     * Safe because no method here uses the digest across a call to another.
     */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Rfc6962::newSha256);

    private Rfc6962() {
    }

    /** MTH({}) = SHA-256 of the empty string: the root of a tree with no leaves. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** SHA-256(0x00 || data). */
    public static byte[] hashLeaf(byte[] data) {
        MessageDigest md = sha256();
        md.update(LEAF_PREFIX);
        return md.digest(data);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] hashChildren(byte[] left, byte[] right) {
        MessageDigest md = sha256();
        md.update(NODE_PREFIX);
        md.update(left);
        return md.digest(right);
    }

    /** MTH(D[n]) over raw entries: each entry is leaf-hashed first. */
    public static byte[] merkleTreeHash(List<byte[]> entries) {
        return rootOfLeafHashes(entries.stream().map(Rfc6962::hashLeaf).toList());
    }

    /** MTH over entries given by their leaf hashes. */
    public static byte[] rootOfLeafHashes(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    /** Largest power of two strictly below {@code n} (n >= 2): the RFC 6962 split point k. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        MessageDigest md = DIGEST.get();
        md.reset();
        return md;
    }

    /** SHA-256 digest; every JRE must provide it, so absence is a broken runtime. */
    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }

    private static byte[] subtreeRoot(List<byte[]> leafHashes, int start, int end) {
        if (end - start == 1) {
            return leafHashes.get(start);
        }
        int k = (int) splitPoint(end - start);
        return hashChildren(subtreeRoot(leafHashes, start, start + k), subtreeRoot(leafHashes, start + k, end));
    }
}
