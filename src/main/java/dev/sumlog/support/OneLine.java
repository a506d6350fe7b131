package dev.sumlog.support;

/**
 * Makes text safe to print as part of one output line. File names may legally contain LF and CR
 * (the fixture has such names); printed raw they would split a line and could imitate another one.
 */
public final class OneLine {

    private OneLine() {
    }

    /** Escapes LF and CR as {@code \n} and {@code \r}, other control characters as {@code \xNN}. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else {
                    out.append(String.format("\\x%02x", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Escapes each line of a multi-line text (LF kept as the line end), so no line can imitate another. */
    public static String escapeLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.lines().forEach(line -> out.append(escape(line)).append('\n'));
        return out.toString();
    }

    /** A file name in single quotes, escaped. */
    public static String quote(String name) {
        return "'" + escape(name) + "'";
    }
}
