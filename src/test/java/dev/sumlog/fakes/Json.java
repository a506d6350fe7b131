package dev.sumlog.fakes;

import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jackson glue for the fakes: one mapper, and strict field access that answers 400. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new BadRequest("request body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new BadRequest("request body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** The string at a dotted path such as {@code spec.data.hash.value}; 400 if absent or not a string. */
    static String string(JsonNode root, String dottedPath) {
        JsonNode node = root;
        for (String field : dottedPath.split("\\.")) {
            node = node.path(field);
        }
        if (!node.isString() || node.stringValue().isEmpty()) {
            throw new BadRequest("missing or non-string field " + dottedPath);
        }
        return node.stringValue();
    }

    static byte[] base64(JsonNode root, String dottedPath) {
        try {
            return Base64.getDecoder().decode(string(root, dottedPath));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("field " + dottedPath + " is not base64", e);
        }
    }
}
