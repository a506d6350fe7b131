package dev.sumlog.sums;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which files differ between a published sums file and a release's current members (alert evidence). */
final class SumsDifference {

    private SumsDifference() {
    }

    static String describe(Path published, List<SumsLine> now) {
        Map<String, String> logged = new TreeMap<>();
        try {
            SumsFormat.parse(Files.readAllBytes(published)).forEach(l -> logged.put(l.name(), l.sha256Hex()));
        } catch (IOException | RuntimeException e) {
            return "published sums unreadable: " + e.getMessage();
        }
        List<String> changes = new ArrayList<>();
        for (SumsLine line : now) {
            String before = logged.remove(line.name());
            if (before == null) {
                changes.add("added " + line.name());
            } else if (!before.equals(line.sha256Hex())) {
                changes.add("changed " + line.name());
            }
        }
        logged.keySet().forEach(name -> changes.add("removed " + name));
        return String.join(", ", changes);
    }
}
