package dev.sumlog.digest.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The decompressed bytes of a gzip file (RFC 1952): every member in turn, each one's CRC-32 and
 * length checked against its trailer. Inflates straight from the read buffer of the
 * {@link DigestingSource}, so the compressed bytes are not copied and the inflater is fed a whole
 * buffer (1 MiB) at a time; the inflater advances that buffer's position as it consumes, so
 * {@link DigestingSource#bytesConsumed()} is exact for the ratio cap.
 *
 * <p>Why not Commons Compress's gzip reader: when a member ends inside a read, it looks for the next
 * member in the same call and, on garbage, throws away the bytes that call had already inflated, so
 * a reader above it that reads ahead (the tar walk does, 64 KiB at a time) would miss the archive's
 * last entries. Here the bytes of a member are always returned first; the garbage fails the next
 * read, as {@link TrailingGarbage}.
 *
 * <p>What is checked is what Commons Compress checked: the magic, method 8, no reserved flag; the
 * optional header fields are skipped (the header CRC too, unverified, as gzip readers commonly do).
 */
final class GzipMembers extends InputStream {

    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int FRESERVED = 0xe0;

    /** What follows a complete gzip member is neither the end of the file nor another member. */
    static final class TrailingGarbage extends IOException {
        TrailingGarbage(String message) {
            super(message);
        }
    }

    private final DigestingSource source;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();

    private final byte[] one = new byte[1];
    private boolean inMember;
    private boolean ended;
    private int members;

    /** Reads the first member's header now: a file that is no gzip at all fails here. */
    GzipMembers(DigestingSource source) throws IOException {
        this.source = source;
        try {
            nextMember();
        } catch (IOException | RuntimeException e) {
            inflater.end(); // no one will close what was never returned
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Returns the bytes inflated so far when a member ends inside the read; the next read starts the next member. */
    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!ended) {
            if (!inMember) {
                if (!nextMember()) {
                    ended = true;
                    break;
                }
            }
            int n = inflate(into, offset, length);
            if (n > 0) {
                return n;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        inflater.end();
    }

    /** Inflates up to {@code length} bytes of the current member; 0 when it has just ended (trailer checked). */
    private int inflate(byte[] into, int offset, int length) throws IOException {
        while (true) {
            if (inflater.finished()) {
                endMember();
                return 0;
            }
            if (inflater.needsInput()) {
                ByteBuffer input = source.unconsumed();
                if (input == null) {
                    throw new EOFException("Unexpected end of the .gz file inside a compressed member");
                }
                inflater.setInput(input);
            }
            int n;
            try {
                n = inflater.inflate(into, offset, length);
            } catch (DataFormatException e) {
                throw new IOException("Gzip-compressed data is corrupt: " + e.getMessage(), e);
            }
            if (n > 0) {
                crc.update(into, offset, n);
                return n;
            }
            if (!inflater.finished() && !inflater.needsInput()) {
                throw new IOException("Gzip-compressed data is corrupt: the inflater made no progress");
            }
        }
    }

    /** Checks the trailer of the member just inflated: CRC-32 and length (mod 2^32), little-endian. */
    private void endMember() throws IOException {
        inMember = false;
        long expectedCrc = readInt();
        long expectedSize = readInt();
        if (expectedCrc != crc.getValue()) {
            throw new IOException("Gzip-compressed data is corrupt: CRC-32 differs from the member's trailer");
        }
        if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new IOException("Gzip-compressed data is corrupt (uncompressed size mismatch)");
        }
    }

    /**
     * Reads the next member's header, or returns false at a clean end of the file after a member.
     * Anything else after a complete member is {@link TrailingGarbage}, whatever it looks like.
     */
    private boolean nextMember() throws IOException {
        boolean first = members == 0;
        int magic0 = source.read();
        if (magic0 < 0 && !first) {
            return false;
        }
        try {
            if (magic0 != 0x1f || source.read() != 0x8b) {
                throw new IOException("Input is not in the .gz format");
            }
            readHeaderAfterMagic();
        } catch (IOException e) {
            if (first) {
                throw e;
            }
            throw new TrailingGarbage("Garbage after a valid .gz stream (" + e.getMessage() + ")");
        }
        members++;
        inMember = true;
        inflater.reset();
        crc.reset();
        ByteBuffer input = source.unconsumed();
        if (input != null) {
            inflater.setInput(input);
        }
        return true;
    }

    private void readHeaderAfterMagic() throws IOException {
        int method = readByte();
        if (method != 8) {
            throw new IOException("Unsupported compression method " + method + " in the .gz header");
        }
        int flags = readByte();
        if ((flags & FRESERVED) != 0) {
            throw new IOException("Reserved flags are set in the .gz header");
        }
        skip(6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(readByte() | readByte() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
    }

    private void skipZeroTerminated() throws IOException {
        while (readByte() != 0) {
            // a name or comment of any length: read and dropped
        }
    }

    private void skip(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            readByte();
        }
    }

    private long readInt() throws IOException {
        return readByte() | readByte() << 8 | readByte() << 16 | (long) readByte() << 24;
    }

    private int readByte() throws IOException {
        int b = source.read();
        if (b < 0) {
            throw new EOFException("Unexpected end of the .gz file");
        }
        return b;
    }
}
