package dev.sumlog.digest.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.tukaani.xz.MemoryLimitException;

/**
 * Reads a file once, feeding every byte to a digest and, when the file name is an archive kind
 * ({@code .tar.gz .tgz .tar.bz2 .tar.xz .zip .whl}), walking the same bytes with Commons Compress.
 * Nothing is extracted: entries are read to check them and dropped.
 *
 * <p>Single-threaded by design: Commons Compress pulls bytes from the digesting source, so one
 * thread does both, no pipe or second thread per file; the hash step already keeps every core busy
 * with other files. Whatever happens to the walk (a bomb, corruption, a finding that stops it), the
 * rest of the file is then read through the digest, so the digest always covers the whole file.
 *
 * <p>A failure of the read itself (the channel's own exception) is thrown, never reported as a
 * corrupt archive. Thread-safe: no state between calls.
 */
public final class ArchiveInspector {

    /** An xz stream may ask for a dictionary of up to 4 GiB; xz -9 needs 64 MiB. */
    static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

    private final Limits limits;

    public ArchiveInspector(Limits limits) {
        this.limits = limits;
    }

    /** Bytes read (the whole file) and the verdict on them. */
    public record Outcome(long bytesRead, Integrity integrity) {
    }

    /**
     * Reads the channel to its end into {@code digest} (which the caller has reset and will
     * finish), inspecting the bytes as an archive if {@code fileName} says it is one.
     *
     * @param buffer reusable read buffer (direct is best; 1 MiB as the hash step uses)
     */
    public Outcome read(ReadableByteChannel channel, String fileName, MessageDigest digest, ByteBuffer buffer)
            throws IOException {
        Optional<ArchiveFormat> format = ArchiveFormat.of(fileName);
        boolean zip = format.isPresent() && !format.get().isTar();
        DigestingSource source = new DigestingSource(channel, digest, buffer, zip ? ZipEndRecord.TAIL_BYTES : 0);
        if (format.isEmpty()) {
            source.drain();
            return new Outcome(source.bytesRead(), Integrity.notAnArchive());
        }
        Findings findings = new Findings(limits.maxFindings());
        boolean wheel = format.get() == ArchiveFormat.WHEEL;
        EntryChecks checks = new EntryChecks(limits, findings, wheel ? null : SdistLayout.forFile(fileName));
        UnpackMeter meter = null;
        boolean complete = false;
        try {
            if (zip) {
                meter = new UnpackMeter(InputStream.nullInputStream(), source, limits, findings);
                ZipWalker walker = new ZipWalker(checks, findings, meter, wheel ? new WheelRecordCheck() : null);
                walker.walk(source);
                source.drain();
                trailingAfterZip(source.tail(), findings);
                walker.finish();
            } else {
                try (InputStream unpacking = decompressor(format.get(), source)) {
                    meter = new UnpackMeter(unpacking, source, limits, findings);
                    new TarWalker(checks, findings).walk(readAhead(format.get(), meter));
                }
            }
            complete = true;
        } catch (InspectionStopped stopped) {
            // its finding is recorded; the walk ends here
        } catch (MemoryLimitException e) {
            findings.add(Finding.Kind.BOMB_SIZE, "xz stream needs " + e.getMemoryNeeded() + " KiB of memory, over "
                    + XZ_MEMORY_LIMIT_KIB + " KiB");
        } catch (IOException | RuntimeException e) {
            if (source.readFailure() != null) {
                throw source.readFailure();
            }
            findings.add(failureKind(e, source), describe(e));
        }
        if (complete) {
            checks.finish();
        }
        source.drain();
        return new Outcome(source.bytesRead(), findings.toIntegrity(checks.entries(), meter == null ? 0 : meter.unpacked()));
    }

    private static void trailingAfterZip(byte[] tail, Findings findings) {
        long trailing = ZipEndRecord.trailingBytes(tail);
        if (trailing > 0) {
            findings.add(Finding.Kind.TRAILING_GARBAGE, trailing + " bytes after the zip's end record");
        } else if (trailing < 0) {
            findings.add(Finding.Kind.TRAILING_GARBAGE, "the file does not end with the zip's end record"
                    + " (over " + ZipEndRecord.TAIL_BYTES + " bytes of garbage, or no end record)");
        }
    }

    private static InputStream decompressor(ArchiveFormat format, DigestingSource source) throws IOException {
        switch (format) {
            case TAR_GZ:
                return new GzipMembers(source);
            case TAR_BZIP2:
                return new BZip2CompressorInputStream(source, true);
            case TAR_XZ:
                return new XZCompressorInputStream(source, true, XZ_MEMORY_LIMIT_KIB);
            default:
                throw new IllegalArgumentException("not a tar format: " + format);
        }
    }

    /**
     * The tar reader takes the decompressed bytes through a 64 KiB buffer, so that each inflate call
     * is large: its 512-byte header and padding reads cost a quarter of the inspection of an sdist.
     * Only for gzip, whose reader here returns a stream's last bytes before it fails on what follows.
     * The bzip2 reader (and the xz reader when the file ends inside what follows) fails the read in
     * which its stream ended and drops the bytes decompressed in it; a buffer reading ahead would
     * then hide the archive's last entries. Both decompress far slower than they are read anyway.
     */
    private static InputStream readAhead(ArchiveFormat format, InputStream unpacked) {
        return format == ArchiveFormat.TAR_GZ ? new BufferedInputStream(unpacked, TarWalker.BLOCK) : unpacked;
    }

    /**
     * Garbage when a compressed stream ended cleanly and what follows is no new stream; truncated
     * when the reader wanted bytes past the end of the file; corrupt otherwise.
     */
    private static Finding.Kind failureKind(Exception e, DigestingSource source) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof GzipMembers.TrailingGarbage || message.contains("after a valid")) {
            return Finding.Kind.TRAILING_GARBAGE;
        }
        return source.exhausted() ? Finding.Kind.TRUNCATED : Finding.Kind.CORRUPT;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
