package dev.sumlog.digest.archive;

/**
 * Makes text from an archive safe for a one-line message: entry names come from whoever built the
 * archive and may hold newlines, terminal escapes or megabytes of name.
 */
final class Escapes {

    /** Longest name or detail kept; the rest is cut and marked with "...". */
    static final int MAX_CHARS = 300;

    private Escapes() {
    }

    /**
     * An entry name: control characters, line separators and lone surrogates escaped as
     * {@code \xNN} or {@code \\u}{@code NNNN}, backslash doubled, cut at {@link #MAX_CHARS}.
     */
    static String name(String raw) {
        return escape(raw, MAX_CHARS);
    }

    /** A detail line: the same escaping, so embedded names cannot break the line. */
    static String line(String raw) {
        return escape(raw, MAX_CHARS * 2);
    }

    private static String escape(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max) + 8);
        for (int i = 0; i < raw.length(); i++) {
            if (out.length() >= max) {
                return out.append("...").toString();
            }
            char c = raw.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || Character.isSurrogate(c) && !validPair(raw, i)) {
                out.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
