package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field access for Sigstore JSON (REST and protobuf-JSON) with one-line errors that name the
 * document and the field. Protobuf-JSON writes int64 as a decimal string and bytes as base64,
 * so {@link #int64} accepts a number or a string.
 */
final class SigstoreJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SigstoreJson() {
    }

    static JsonNode read(String json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new TlogException(what + ": not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            String detail = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            throw new TlogException(what + ": not valid JSON: " + detail, e);
        }
    }

    static JsonNode object(JsonNode parent, String field, String where) {
        return optionalObject(parent, field, where)
                .orElseThrow(() -> new TlogException(where + ": missing object '" + field + "'"));
    }

    static Optional<JsonNode> optionalObject(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new TlogException(where + ": '" + field + "' is not an object");
        }
        return Optional.of(node);
    }

    static String string(JsonNode parent, String field, String where) {
        return optionalString(parent, field, where)
                .orElseThrow(() -> new TlogException(where + ": missing string '" + field + "'"));
    }

    static Optional<String> optionalString(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new TlogException(where + ": '" + field + "' is not a string");
        }
        return Optional.of(node.stringValue());
    }

    static byte[] base64(JsonNode parent, String field, String where) {
        return decodeBase64(string(parent, field, where), where + ": '" + field + "'");
    }

    static Optional<byte[]> optionalBase64(JsonNode parent, String field, String where) {
        return optionalString(parent, field, where).map(s -> decodeBase64(s, where + ": '" + field + "'"));
    }

    static byte[] decodeBase64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new TlogException(what + " is not base64", e);
        }
    }

    static byte[] hex(JsonNode parent, String field, String where) {
        String text = string(parent, field, where);
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new TlogException(where + ": '" + field + "' is not hex", e);
        }
    }

    /** A non-negative int64, written as a JSON integer (REST) or a decimal string (protobuf-JSON). */
    static long int64(JsonNode parent, String field, String where) {
        return optionalInt64(parent, field, where)
                .orElseThrow(() -> new TlogException(where + ": missing integer '" + field + "'"));
    }

    static Optional<Long> optionalInt64(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isString() && node.stringValue().matches("0|[1-9][0-9]{0,18}")) {
            try {
                value = Long.parseLong(node.stringValue());
            } catch (NumberFormatException e) {
                throw new TlogException(where + ": '" + field + "' does not fit in 63 bits", e);
            }
        } else {
            throw new TlogException(where + ": '" + field + "' is not a non-negative integer");
        }
        if (value < 0) {
            throw new TlogException(where + ": '" + field + "' is negative");
        }
        return Optional.of(value);
    }

    static List<JsonNode> array(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            throw new TlogException(where + ": '" + field + "' is not an array");
        }
        node.forEach(items::add);
        return items;
    }
}
