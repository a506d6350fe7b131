package dev.sumlog.tlog.sigstore;

/**
 * An entry of a Rekor log with its inclusion proof: a {@link RekorV1Entry} or a
 * {@link RekorV2Entry}. The body is the canonical entry the log hashed into its tree.
 */
public sealed interface TlogEntry permits RekorV1Entry, RekorV2Entry {

    /** The entry index that is reported to users (for v1 the virtual index across shards). */
    long logIndex();

    /** The canonical entry JSON the log stores; its leaf hash is SHA-256(0x00 || body). */
    byte[] canonicalizedBody();

    InclusionProof inclusionProof();
}
