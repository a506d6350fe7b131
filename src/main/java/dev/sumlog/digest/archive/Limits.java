package dev.sumlog.digest.archive;

/**
 * Caps that keep the inspection of one archive bounded whatever the archive claims (decompression
 * bombs, entry floods). When a cap is reached the inspection stops with a finding; the file's
 * remaining bytes still go through the digest, so hashing is never cut short by a cap.
 *
 * <p>The ratio is unpacked bytes over compressed bytes consumed from the file so far, checked only
 * once {@code ratioFloorBytes} have been unpacked: small archives of zeros are legitimate, and the
 * floor also bounds how much a bomb can unpack before the ratio applies.
 *
 * @param maxRatio         most unpacked bytes per compressed byte (real sdists and wheels: 3 to 10)
 * @param ratioFloorBytes  unpacked bytes before the ratio is enforced
 * @param maxUnpackedBytes most unpacked bytes per archive, all entries and tar headers included
 * @param maxEntries       most entries per archive
 * @param maxFindings      findings kept per archive; the rest are only counted
 */
public record Limits(long maxRatio, long ratioFloorBytes, long maxUnpackedBytes, long maxEntries, int maxFindings) {

    /** 100:1 over at least 1 MiB, 10 GiB, 1,000,000 entries, 20 findings. */
    public static final Limits DEFAULTS = new Limits(100, 1L << 20, 10L << 30, 1_000_000, 20);

    public Limits {
        if (maxRatio < 1 || ratioFloorBytes < 0 || maxUnpackedBytes < 1 || maxEntries < 1 || maxFindings < 1) {
            throw new IllegalArgumentException("archive limits must be positive: maxRatio=" + maxRatio
                    + " ratioFloorBytes=" + ratioFloorBytes + " maxUnpackedBytes=" + maxUnpackedBytes
                    + " maxEntries=" + maxEntries + " maxFindings=" + maxFindings);
        }
    }
}
