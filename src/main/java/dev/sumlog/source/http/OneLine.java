package dev.sumlog.source.http;

/** Makes text from a server safe to print on one line of a report: control characters are escaped. */
final class OneLine {

    private static final int LIMIT = 300;

    private OneLine() {
    }

    /** Escapes CR, LF, TAB and other control characters and cuts the text at 300 characters. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), LIMIT) + 8);
        for (int i = 0; i < text.length() && out.length() < LIMIT; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.length() >= LIMIT && text.length() > LIMIT ? out + "..." : out.toString();
    }
}
