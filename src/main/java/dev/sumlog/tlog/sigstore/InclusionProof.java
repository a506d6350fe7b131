package dev.sumlog.tlog.sigstore;

import java.util.List;

/**
 * An inclusion proof as a Rekor log returns it, with the signed checkpoint it leads to.
 *
 * <p>For Rekor v1, {@code logIndex} is the shard-local index (not the entry's virtual index).
 * For Rekor v2, {@code rootHash} and {@code treeSize} are only claims: a verifier takes them
 * from the checkpoint once its signature checks.
 *
 * @param logIndex index of the leaf in the shard's tree
 * @param treeSize size of the tree the proof is for
 * @param rootHash root hash of that tree (32 bytes)
 * @param hashes proof hashes, leaf to root
 * @param checkpoint the signed checkpoint note, as text
 */
public record InclusionProof(long logIndex, long treeSize, byte[] rootHash, List<byte[]> hashes, String checkpoint) {

    public InclusionProof {
        rootHash = rootHash.clone();
        hashes = hashes.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public List<byte[]> hashes() {
        return hashes.stream().map(byte[]::clone).toList();
    }
}
