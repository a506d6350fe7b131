package dev.sumlog.digest.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Walks a zip or wheel as a stream of local entries ({@link ZipArchiveInputStream}, not
 * {@code ZipFile}: the file is read once, front to back). Every entry's data is read, so its CRC-32 is
 * checked and the caps count it; a wheel's entries are also hashed for its RECORD.
 *
 * <p>Limits of streaming, by design: the central directory is not read, so a local header that
 * disagrees with it goes unnoticed, and unix modes (hence symbolic links) are not seen in zips.
 * Stored entries with a data descriptor are refused ({@code CORRUPT}): the streaming reader can only
 * find their end by buffering the whole entry in memory, which a hostile zip would exploit.
 */
final class ZipWalker {

    private final EntryChecks checks;
    private final Findings findings;
    private final UnpackMeter meter;
    private final WheelRecordCheck wheel;
    private final byte[] block = new byte[64 * 1024];

    /** @param wheel the RECORD check for a wheel, or null for a plain zip */
    ZipWalker(EntryChecks checks, Findings findings, UnpackMeter meter, WheelRecordCheck wheel) {
        this.checks = checks;
        this.findings = findings;
        this.meter = meter;
        this.wheel = wheel;
    }

    void walk(InputStream source) throws IOException {
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(source, "UTF-8", true, false)) {
            ZipArchiveEntry entry;
            ZipArchiveEntry unverified = null;
            long unverifiedCrc = 0;
            while ((entry = zip.getNextEntry()) != null) {
                verifyCrc(unverified, unverifiedCrc); // the previous entry's CRC is known once it is closed
                unverified = null;
                String name = entry.getName();
                checks.entry(name, entry.isDirectory());
                if (entry.isDirectory()) {
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    findings.add(Finding.Kind.CORRUPT, name, "entry data cannot be read as a stream (method "
                            + entry.getMethod() + ", encrypted or stored with a data descriptor)");
                    continue;
                }
                unverifiedCrc = read(zip, entry, name);
                unverified = entry;
            }
            verifyCrc(unverified, unverifiedCrc);
        }
    }

    /** Reads one entry's data; returns its CRC-32. */
    private long read(ZipArchiveInputStream zip, ZipArchiveEntry entry, String name) throws IOException {
        CRC32 crc = new CRC32();
        MessageDigest sha = wheel == null ? null : sha256();
        boolean isRecord = wheel != null && WheelRecordCheck.isRecord(name);
        ByteArrayOutputStream record = isRecord ? new ByteArrayOutputStream() : null;
        long size = 0;
        for (int n; (n = zip.read(block, 0, block.length)) >= 0; ) {
            meter.count(n);
            crc.update(block, 0, n);
            if (sha != null) {
                sha.update(block, 0, n);
            }
            if (record != null) {
                if (record.size() + n > WheelRecordCheck.MAX_RECORD_BYTES) {
                    String detail = "RECORD larger than " + WheelRecordCheck.MAX_RECORD_BYTES + " bytes";
                    findings.add(Finding.Kind.WHEEL_RECORD_MISMATCH, name, detail);
                    throw new InspectionStopped(detail);
                }
                record.write(block, 0, n);
            }
            size += n;
        }
        if (isRecord) {
            wheel.record(name, record.toByteArray());
        } else if (wheel != null) {
            wheel.entry(name, sha.digest(), size);
        }
        return crc.getValue();
    }

    private void verifyCrc(ZipArchiveEntry entry, long actual) {
        if (entry != null && entry.getCrc() != -1 && entry.getCrc() != actual) {
            findings.add(Finding.Kind.CORRUPT, entry.getName(), String.format(
                    "CRC-32 differs: header %08x, data %08x", entry.getCrc(), actual));
        }
    }

    /** Finishes the wheel's RECORD check; call only after a complete walk. */
    void finish() {
        if (wheel != null) {
            wheel.finish(findings);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
