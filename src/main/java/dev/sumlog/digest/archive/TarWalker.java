package dev.sumlog.digest.archive;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Walks a tar stream entry by entry, checking headers only (entry content is read and dropped, which
 * decompresses it, so the caps and the compressed stream's CRC cover it). After the tar's end
 * marker it reads the decompressed stream to its end: the tar's zero padding is expected, anything
 * else is data hidden after the archive; reading to the end also makes the decompressor check its
 * trailer and whatever follows the compressed stream in the file.
 */
final class TarWalker {

    private static final int TAR_BLOCK = 512;
    /**
     * Entry content is read this much at a time (and dropped), as is the stream after the tar's end.
     * Left to itself the tar reader skips content 8 KiB at a time, each piece one more trip through
     * the meter and one more small inflate call.
     */
    static final int BLOCK = 64 * 1024;

    private final EntryChecks checks;
    private final Findings findings;
    private final byte[] block = new byte[BLOCK];

    TarWalker(EntryChecks checks, Findings findings) {
        this.checks = checks;
        this.findings = findings;
    }

    /** @param unpacked the decompressed tar stream (left open: the caller owns it) */
    void walk(InputStream unpacked) throws IOException {
        // Block size 512: with the default (10240) the reader skips to the end of the last block
        // after the end marker, unseen, and data hidden there would pass as padding.
        TarArchiveInputStream tar = new TarArchiveInputStream(new Unclosable(unpacked), TAR_BLOCK);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String name = entry.getName();
            checks.entry(name, entry.isDirectory());
            if (entry.isSymbolicLink()) {
                checks.symlink(name, entry.getLinkName());
            } else if (entry.isLink()) {
                checks.hardlink(name, entry.getLinkName());
            }
            dropContent(tar, entry);
        }
        long nonZero = readToEnd(unpacked);
        if (nonZero > 0) {
            findings.add(Finding.Kind.TRAILING_GARBAGE, nonZero + " non-zero bytes after the end of the tar archive,"
                    + " inside the compressed stream");
        }
    }

    /**
     * Reads the current entry's content to its end, so the tar reader has nothing left to skip. A
     * sparse entry is skipped instead: read, its holes would come out as zeros made by the tar reader,
     * above the meter, and a few hundred bytes can declare gigabytes of holes. Its data parts are
     * still decompressed (and metered) to be skipped.
     */
    private void dropContent(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
        if (entry.isSparse()) {
            tar.skip(Long.MAX_VALUE);
            return;
        }
        while (tar.read(block, 0, block.length) >= 0) {
            // dropped: only the decompression (metered below the tar reader) matters
        }
    }

    /** Reads the rest of the stream; returns the count of non-zero bytes in it. */
    private long readToEnd(InputStream in) throws IOException {
        long nonZero = 0;
        for (int n; (n = in.read(block)) >= 0; ) {
            for (int i = 0; i < n; i++) {
                if (block[i] != 0) {
                    nonZero++;
                }
            }
        }
        return nonZero;
    }

    /**
     * Keeps the tar reader from closing the decompressor before its end has been read, and skips
     * fully: skipping a sparse entry, the tar reader takes a short skip for the end of a data part.
     */
    private static final class Unclosable extends java.io.FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n) {
                long k = in.skip(n - skipped);
                if (k <= 0) {
                    if (in.read() < 0) {
                        break;
                    }
                    k = 1;
                }
                skipped += k;
            }
            return skipped;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
