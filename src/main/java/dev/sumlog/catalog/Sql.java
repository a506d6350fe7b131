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
}
