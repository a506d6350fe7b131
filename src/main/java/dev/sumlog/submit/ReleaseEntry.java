package dev.sumlog.submit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The transparency-log entry for one release, format {@value #HEADER}:
 *
 * <pre>
 * sumlog.dev/release/v1
 * source &lt;where the archive is published, e.g. https://tarballs.opendev.org/&gt;
 * release &lt;release directory&gt;/&lt;project&gt;-&lt;version&gt;
 * sums &lt;path of the sums file, relative to the published output root&gt;
 * sums-sha256 &lt;lowercase hex SHA-256 of the sums file's exact bytes&gt;
 * supersedes &lt;sums-sha256 of the entry this one replaces&gt;     (only after {@code reconcile --accept})
 * </pre>
 *
 * UTF-8, one LF after every line, no other whitespace. In values, '%', control characters and DEL
 * are percent-encoded ({@code %25}, {@code %0A}...), so one line is always one field. The entry is
 * a pure function of its fields (deterministic), at most {@value #MAX_BYTES} bytes (the tlog-tiles
 * entry limit), and commits to the whole release through the sums digest.
 *
 * <p>A release whose logged content an operator accepted as changed is logged again with the optional
 * last line {@code supersedes}, naming the earlier entry by its sums digest; the earlier entry stays in
 * the log, so the log itself shows that the release changed and when.
 *
 * @param supersedes the sums-sha256 of the superseded entry, or null
 */
public record ReleaseEntry(String source, String release, String sumsPath, String sumsSha256, String supersedes) {

    public static final String HEADER = "sumlog.dev/release/v1";
    public static final int MAX_BYTES = 65_535;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ReleaseEntry {
        if (!HEX64.matcher(sumsSha256).matches()) {
            throw new IllegalArgumentException("sums-sha256 must be 64 lowercase hex digits");
        }
        if (supersedes != null && !HEX64.matcher(supersedes).matches()) {
            throw new IllegalArgumentException("supersedes must be 64 lowercase hex digits");
        }
    }

    public ReleaseEntry(String source, String release, String sumsPath, String sumsSha256) {
        this(source, release, sumsPath, sumsSha256, null);
    }

    public byte[] bytes() {
        String text = HEADER + "\n"
                + "source " + escape(source) + "\n"
                + "release " + escape(release) + "\n"
                + "sums " + escape(sumsPath) + "\n"
                + "sums-sha256 " + sumsSha256 + "\n"
                + (supersedes == null ? "" : "supersedes " + supersedes + "\n");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("log entry for " + release + " is " + bytes.length + " bytes, over "
                    + MAX_BYTES);
        }
        return bytes;
    }

    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * Parses an entry; rejects anything {@link #bytes()} would not have produced.
     *
     * @throws IllegalArgumentException "release entry: ..." naming the failed check
     */
    public static ReleaseEntry parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw invalid("over " + MAX_BYTES + " bytes");
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw invalid("line 1 is not " + HEADER);
        }
        if ((lines.length != 6 && lines.length != 7) || !lines[lines.length - 1].isEmpty()) {
            throw invalid("want exactly 5 lines (6 with supersedes), each ending in LF");
        }
        String source = unescape(field(lines, 1, "source"), 2);
        String release = unescape(field(lines, 2, "release"), 3);
        String sumsPath = unescape(field(lines, 3, "sums"), 4);
        String sumsSha256 = field(lines, 4, "sums-sha256");
        if (!HEX64.matcher(sumsSha256).matches()) {
            throw invalid("line 5: sums-sha256 is not 64 lowercase hex digits");
        }
        String supersedes = null;
        if (lines.length == 7) {
            supersedes = field(lines, 5, "supersedes");
            if (!HEX64.matcher(supersedes).matches()) {
                throw invalid("line 6: supersedes is not 64 lowercase hex digits");
            }
        }
        ReleaseEntry entry = new ReleaseEntry(source, release, sumsPath, sumsSha256, supersedes);
        if (!java.util.Arrays.equals(entry.bytes(), bytes)) {
            throw invalid("not in canonical form");
        }
        return entry;
    }

    public byte[] sumsDigest() {
        return HexFormat.of().parseHex(sumsSha256);
    }

    private static String field(String[] lines, int index, String name) {
        if (!lines[index].startsWith(name + " ")) {
            throw invalid("line " + (index + 1) + ": expected field '" + name + "'");
        }
        return lines[index].substring(name.length() + 1);
    }

    private static IllegalArgumentException invalid(String check) {
        return new IllegalArgumentException("release entry: " + check);
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '%' || c < 0x20 || c == 0x7f) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String value, int lineNumber) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%') {
                if (i + 2 >= raw.length || !HexFormat.isHexDigit(raw[i + 1]) || !HexFormat.isHexDigit(raw[i + 2])) {
                    throw invalid("line " + lineNumber + ": bad %-escape");
                }
                out.write(HexFormat.fromHexDigits(new String(raw, i + 1, 2, StandardCharsets.US_ASCII)));
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
