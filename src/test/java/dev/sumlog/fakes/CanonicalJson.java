package dev.sumlog.fakes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compact JSON with object keys sorted (by UTF-16 code units, as RFC 8785 says): the form of
 * Rekor's stored bodies and of the payload a v1 SET signs.
 *
 * <p>Only the values those documents hold are supported: maps with string keys, lists,
 * strings, integral numbers and booleans. For these, RFC 8785 and Go's {@code json.Marshal}
 * agree, except that Go also escapes {@code < > &}; the bodies we build never contain them
 * (hex, base64 and fixed words only), so one writer serves both log versions.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            sb.append('{');
            String sep = "";
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                sb.append(sep);
                string(sb, e.getKey());
                sb.append(':');
                append(sb, e.getValue());
                sep = ",";
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                append(sb, list.get(i));
            }
            sb.append(']');
        } else if (value instanceof String s) {
            string(sb, s);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            sb.append(value);
        } else {
            throw new IllegalArgumentException("canonical JSON: unsupported value " + value);
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
