package dev.sumlog.tlog.tiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Deterministic entries for log tests: entry i is the text "entry-i". */
final class LogFixtures {

    private LogFixtures() {
    }

    static byte[] entry(long i) {
        return ("entry-" + i).getBytes(StandardCharsets.US_ASCII);
    }

    static List<byte[]> entries(long from, int count) {
        List<byte[]> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(entry(from + i));
        }
        return entries;
    }
}
