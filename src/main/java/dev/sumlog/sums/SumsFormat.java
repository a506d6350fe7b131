package dev.sumlog.sums;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The exact GNU coreutils {@code sha256sum} text format, so {@code sha256sum -c --strict SUMS} verifies a
 * release with no sumlog installed.
 *
 * <p>Written form, one line per file: 64 lowercase hex digits, two spaces, the name, LF. Lines are sorted
 * by the unsigned bytes of the UTF-8 name, the order of {@code LC_ALL=C sort}. {@link String#compareTo}
 * would not do: it compares UTF-16 units, so it sorts U+FF61 after U+1F600 where UTF-8 sorts it before.
 * The same set of files therefore always gives the same bytes, and the same log entry. No comments, no blank lines: a
 * transparency log hashes these bytes, and rget-style readers turn such lines into leaves.
 *
 * <p>Escaping, as coreutils 9.x writes and reads it (checked against coreutils 9.1): when a name contains
 * {@code \}, LF or CR, the line starts with {@code \} and in the name {@code \} becomes {@code \\}, LF
 * becomes {@code \n} and CR becomes {@code \r}. Coreutils before 9.0 did not escape CR, so a name with a
 * CR cannot be verified by those versions at all.
 */
public final class SumsFormat {

    /** Unsigned bytewise order of the UTF-8 names: the order {@link #format} writes. */
    public static final Comparator<SumsLine> BYTEWISE_NAME_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.nameBytes(), b.nameBytes());

    private static final HexFormat HEX = HexFormat.of();
    private static final int HEX_LENGTH = 2 * SumsLine.DIGEST_LENGTH;

    private SumsFormat() {
    }

    /**
     * Formats the lines, sorted bytewise by name.
     *
     * @throws SumsFormatException if two lines have the same name (the file could not say which is right)
     */
    public static byte[] format(List<SumsLine> lines) {
        List<SumsLine> sorted = new ArrayList<>(lines);
        sorted.sort(BYTEWISE_NAME_ORDER);
        ByteArrayOutputStream out = new ByteArrayOutputStream(sorted.size() * 100);
        for (int i = 0; i < sorted.size(); i++) {
            SumsLine line = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).name().equals(line.name())) {
                throw new SumsFormatException(0, "duplicate file name: " + line.name());
            }
            boolean escape = needsEscaping(line.name());
            if (escape) {
                out.write('\\');
            }
            out.writeBytes(line.sha256Hex().getBytes(StandardCharsets.US_ASCII));
            out.write(' ');
            out.write(' ');
            out.writeBytes((escape ? escape(line.name()) : line.name()).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * Parses a SHA256SUMS file strictly, keeping file order. Accepts what {@link #format} writes plus the
     * other untagged GNU form ({@code *} binary-mode marker, upper-case hex, no final LF); rejects blank
     * lines, comments, BSD tagged lines, CRLF endings, bad escapes, invalid UTF-8 and duplicate names,
     * naming the line.
     */
    public static List<SumsLine> parse(byte[] content) {
        List<SumsLine> lines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int start = 0;
        int lineNumber = 0;
        while (start < content.length) {
            lineNumber++;
            int end = indexOf(content, (byte) '\n', start);
            int stop = end < 0 ? content.length : end;
            SumsLine line = parseLine(decode(content, start, stop, lineNumber), lineNumber);
            if (!names.add(line.name())) {
                throw new SumsFormatException(lineNumber, "duplicate file name: " + line.name());
            }
            lines.add(line);
            start = stop + 1;
        }
        return lines;
    }

    /** True when coreutils would escape this name: it contains '\', LF or CR. */
    public static boolean needsEscaping(String name) {
        return name.indexOf('\\') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0;
    }

    static String escape(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static SumsLine parseLine(String text, int lineNumber) {
        if (text.isEmpty()) {
            throw new SumsFormatException(lineNumber, "empty line");
        }
        if (text.indexOf('\r') >= 0) {
            throw new SumsFormatException(lineNumber, "raw carriage return (CRLF line ending?)");
        }
        boolean escaped = text.charAt(0) == '\\';
        String body = escaped ? text.substring(1) : text;
        if (body.length() < HEX_LENGTH + 3) {
            throw new SumsFormatException(lineNumber, "too short for '<64 hex>  <name>'");
        }
        String hex = body.substring(0, HEX_LENGTH);
        if (!hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            throw new SumsFormatException(lineNumber, "digest is not 64 hex digits");
        }
        char separator = body.charAt(HEX_LENGTH);
        char mode = body.charAt(HEX_LENGTH + 1);
        if (separator != ' ' || (mode != ' ' && mode != '*')) {
            throw new SumsFormatException(lineNumber, "digest must be followed by two spaces (or ' *')");
        }
        String rawName = body.substring(HEX_LENGTH + 2);
        String name = escaped ? unescape(rawName, lineNumber) : rawName;
        if (name.indexOf('\0') >= 0) {
            throw new SumsFormatException(lineNumber, "file name contains NUL");
        }
        return new SumsLine(name, HEX.parseHex(hex));
    }

    private static String unescape(String raw, int lineNumber) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 == raw.length()) {
                throw new SumsFormatException(lineNumber, "file name ends in a lone backslash");
            }
            char next = raw.charAt(++i);
            if (next == '\\') {
                out.append('\\');
            } else if (next == 'n') {
                out.append('\n');
            } else if (next == 'r') {
                out.append('\r');
            } else {
                throw new SumsFormatException(lineNumber, "unknown escape '\\" + next + "' in file name");
            }
        }
        return out.toString();
    }

    private static String decode(byte[] content, int from, int to, int lineNumber) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SumsFormatException(lineNumber, "not valid UTF-8");
        }
    }

    private static int indexOf(byte[] content, byte target, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
