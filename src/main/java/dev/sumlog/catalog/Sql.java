package dev.sumlog.catalog;

import java.util.Collections;

/** Small helpers for the portable SQL the repositories build. */
final class Sql {

    private Sql() {
    }

    /** {@code ?, ?, ?} for an IN-list of {@code n} parameters. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * A text cut to fit a column of {@code max} characters (null stays null): a verdict longer than
     * its column must not fail the chunk that records it.
     */
    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 3) + "...";
    }
}
