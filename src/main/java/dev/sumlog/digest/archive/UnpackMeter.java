package dev.sumlog.digest.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a decompressor produces and stops it at the caps of {@link Limits}: too many bytes
 * in all ({@link Finding.Kind#BOMB_SIZE}), or too many per compressed byte taken from the file
 * ({@link Finding.Kind#BOMB_RATIO}). The check runs on every read, so a bomb is stopped within one
 * read of the cap: nothing beyond the cap plus one buffer is ever unpacked.
 *
 * <p>Also gives the decompressor a skip that reads in large blocks ({@link InputStream#skip} reads
 * 2 KiB at a time), for the data parts of a sparse tar entry, which the tar walk skips.
 */
final class UnpackMeter extends FilterInputStream {

    private static final int SKIP_BLOCK = 64 * 1024;

    private final DigestingSource source;
    private final Limits limits;
    private final Findings findings;
    private byte[] skipBuffer;
    private long unpacked;

    /** Meters {@code unpacking}, whose compressed input is {@code source}. */
    UnpackMeter(InputStream unpacking, DigestingSource source, Limits limits, Findings findings) {
        super(unpacking);
        this.source = source;
        this.limits = limits;
        this.findings = findings;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        int n = in.read(into, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (skipBuffer == null) {
            skipBuffer = new byte[SKIP_BLOCK];
        }
        long skipped = 0;
        while (skipped < n) {
            int r = read(skipBuffer, 0, (int) Math.min(SKIP_BLOCK, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Bytes unpacked so far. */
    long unpacked() {
        return unpacked;
    }

    /** Counts bytes unpacked elsewhere (a zip entry read through the zip reader) against the same caps. */
    void count(long n) throws InspectionStopped {
        unpacked += n;
        if (unpacked > limits.maxUnpackedBytes()) {
            throw stop(Finding.Kind.BOMB_SIZE, "unpacked more than " + limits.maxUnpackedBytes()
                    + " bytes; stopped there");
        }
        long compressed = Math.max(1, source.bytesConsumed());
        if (unpacked > limits.ratioFloorBytes() && (double) unpacked / compressed > limits.maxRatio()) {
            throw stop(Finding.Kind.BOMB_RATIO, "unpacked " + unpacked + " bytes from " + compressed
                    + " compressed (over " + limits.maxRatio() + ":1); stopped there");
        }
    }

    private InspectionStopped stop(Finding.Kind kind, String detail) {
        findings.add(kind, detail);
        return new InspectionStopped(detail);
    }
}
