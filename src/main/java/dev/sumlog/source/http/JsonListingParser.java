package dev.sumlog.source.http;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * nginx {@code autoindex_format json}: {@code [{"name":..., "type":"file"|"directory"|"other",
 * "mtime":"<RFC 1123>", "size":<bytes>}]}. Names come unencoded here, so they are checked and
 * encoded before going through the same link rules as HTML hrefs.
 */
final class JsonListingParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonListingParser() {
    }

    static Listing parse(URI page, byte[] body, int maxLinks) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return Listing.unrecognised(ListingFormat.UNKNOWN, page.toString(), "JSON listing does not parse: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            return Listing.unrecognised(ListingFormat.UNKNOWN, page.toString(), "JSON listing is not an array");
        }
        ListingBuilder builder = new ListingBuilder(page, maxLinks);
        for (JsonNode item : root) {
            if (builder.full()) {
                builder.capped(root.size());
                break;
            }
            JsonNode nameNode = item.get("name");
            String name = nameNode != null && nameNode.isString() ? nameNode.asString() : null;
            String type = item.path("type").asString("");
            String problem = nameProblem(name);
            if (problem != null) {
                builder.skip(Skipped.problem(String.valueOf(name), problem));
            } else if (!type.equals("file") && !type.equals("directory")) {
                builder.skip(Skipped.problem(name, "entry of type '" + type + "' is neither a file nor a directory"));
            } else {
                boolean directory = type.equals("directory");
                JsonNode size = item.get("size");
                OptionalLong bytes = size != null && size.isIntegralNumber() && size.asLong() >= 0
                        ? OptionalLong.of(size.asLong()) : OptionalLong.empty();
                Optional<java.time.Instant> mtime = ListingFields.httpDate(item.path("mtime").asString(""));
                builder.add(PathSegments.encode(name) + (directory ? "/" : ""), directory, bytes, mtime);
            }
        }
        return builder.build(ListingFormat.NGINX_JSON);
    }

    private static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "entry without a name";
        }
        if (name.equals(".") || name.equals("..")) {
            return "entry named '" + name + "'";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            return "name contains '/' or NUL";
        }
        return null;
    }
}
