package dev.sumlog.tlog.sigstore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 (JCS) serialisation for the subset Sigstore needs: objects, arrays, strings,
 * integers, booleans and null. Keys are sorted by UTF-16 code units (what
 * {@link String#compareTo} does), there is no whitespace, and strings escape only what RFC 8785
 * requires. Fractions and integers beyond 2^53 are refused: their RFC 8785 form needs the
 * ECMAScript number printer and no Sigstore document uses them.
 */
public final class CanonicalJson {

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalJson() {
    }

    /** The canonical text of {@code node}. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    /** The canonical UTF-8 bytes of {@code node}: the bytes that are hashed or signed. */
    public static byte[] bytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    private static void append(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> appendObject(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> appendString(node.stringValue(), out);
            case NUMBER -> appendInteger(node, out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("canonical JSON: unsupported node type " + node.getNodeType());
        }
    }

    private static void appendObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
        entries.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(entries.get(i).getKey(), out);
            out.append(':');
            append(entries.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void appendInteger(JsonNode node, StringBuilder out) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || Math.abs(node.longValue()) > MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("canonical JSON: only integers up to 2^53 are supported, got " + node);
        }
        out.append(node.longValue());
    }

    /** RFC 8785 section 3.2.2.2: short escapes where JSON has them, \\u00xx for other controls. */
    private static void appendString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
