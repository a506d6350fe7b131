package dev.sumlog.digest.archive;

/**
 * Finds bytes after a zip's end: a zip ends with its end-of-central-directory record (signature
 * {@code PK\5\6}, 22 bytes, then a comment whose length the record gives), so the file must end
 * exactly there. The streaming reader stops at the record and cannot say what follows it; the tail
 * of the file, kept while it was read, can.
 */
final class ZipEndRecord {

    /** The record with the longest comment the format allows: how much of the file's end is kept. */
    static final int TAIL_BYTES = 22 + 0xffff;

    private ZipEndRecord() {
    }

    /**
     * Bytes after the end record, 0 for a clean end, or -1 when no end record is in the tail at all
     * (the garbage is longer than the tail, or the zip has no end).
     */
    static long trailingBytes(byte[] tail) {
        long nearest = -1;
        for (int i = tail.length - 22; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                int commentLength = (tail[i + 20] & 0xff) | (tail[i + 21] & 0xff) << 8;
                long end = (long) i + 22 + commentLength;
                if (end == tail.length) {
                    return 0;
                }
                if (end < tail.length && nearest < 0) {
                    nearest = tail.length - end;
                }
            }
        }
        return nearest;
    }
}
