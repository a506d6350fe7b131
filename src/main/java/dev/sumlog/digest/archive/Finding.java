package dev.sumlog.digest.archive;

/**
 * One problem found in an archive. {@code entry} is the escaped entry name the problem is about, or
 * "" when it is about the whole archive; {@code detail} is one line, also escaped.
 */
public record Finding(Kind kind, String entry, String detail) {

    /** What is wrong. */
    public enum Kind {
        /** The file ends before the archive does. */
        TRUNCATED,
        /** The bytes are not a valid archive of the kind the file name says (bad header, CRC, stream). */
        CORRUPT,
        /** Bytes after the archive's end: after the compressed stream, after the tar end, after a zip's end record. */
        TRAILING_GARBAGE,
        /** An entry name that starts at the file system root ({@code /etc/x}, {@code C:\x}). */
        ABSOLUTE_PATH,
        /** An entry name with a {@code ..} segment. */
        PARENT_PATH,
        /** A symbolic or hard link whose target lies outside the archive. */
        LINK_ESCAPES,
        /** A wheel with no {@code *.dist-info/RECORD}, or with several. */
        WHEEL_RECORD_MISSING,
        /** A wheel entry whose hash or size differs from RECORD, or that only one of them lists. */
        WHEEL_RECORD_MISMATCH,
        /** An sdist with entries outside the {@code <name>-<version>/} that its file name gives. */
        SDIST_TOP_DIR,
        /** Unpacked bytes exceed {@link Limits#maxRatio()} times the compressed bytes read. */
        BOMB_RATIO,
        /** Unpacked bytes exceed {@link Limits#maxUnpackedBytes()}, or a stream needs too much memory. */
        BOMB_SIZE,
        /** More entries than {@link Limits#maxEntries()}. */
        TOO_MANY_ENTRIES
    }

    public Finding {
        if (kind == null || entry == null || detail == null) {
            throw new IllegalArgumentException("kind, entry and detail are required");
        }
    }

    /** "KIND entry: detail", one line. */
    @Override
    public String toString() {
        return kind + (entry.isEmpty() ? "" : " " + entry) + ": " + detail;
    }
}
