package dev.sumlog.digest.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a wheel's {@code RECORD}: CSV lines {@code path,hash,size} (binary distribution format
 * spec), where {@code hash} is {@code algorithm=urlsafe-base64-nopad} or empty and {@code size}
 * may be empty. Paths with commas or quotes are CSV-quoted, as Python's {@code csv} module writes them.
 */
final class RecordFile {

    /** One line of RECORD; {@code lineNumber} counts from 1. */
    record Line(int lineNumber, String path, String hash, String size) {
    }

    /** A line that is not three CSV fields. */
    record Malformed(int lineNumber, String reason) {
    }

    /** The lines, and the ones that did not parse. */
    record Parsed(List<Line> lines, List<Malformed> malformed) {
    }

    private RecordFile() {
    }

    static Parsed parse(String text) {
        List<Line> lines = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        String[] rows = text.split("\r?\n", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isEmpty()) {
                continue;
            }
            List<String> fields = fields(rows[i]);
            if (fields == null) {
                malformed.add(new Malformed(i + 1, "unbalanced quotes"));
            } else if (fields.size() != 3) {
                malformed.add(new Malformed(i + 1, fields.size() + " fields, expected path,hash,size"));
            } else {
                lines.add(new Line(i + 1, fields.get(0), fields.get(1), fields.get(2)));
            }
        }
        return new Parsed(lines, malformed);
    }

    /** The CSV fields of one row, or null if a quote is left open. */
    private static List<String> fields(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
