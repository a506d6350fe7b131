package dev.sumlog.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders directory listings the way Apache mod_autoindex and nginx autoindex do: the same element
 * structure, date and size formats, href encoding and link-text truncation ({@code name..&gt;}).
 * Written from the structure described in reference/archive-layouts.md §2.1-2.2, not copied pages.
 */
final class ListingPages {

    /** One row: {@code href} is used verbatim (already encoded, or deliberately hostile). */
    record Row(String name, String href, boolean directory, long size, Instant modified) {}

    private static final DateTimeFormatter APACHE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NGINX_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ListingPages() {
    }

    static byte[] render(ListingServer.Style style, String path, String parentHref, List<Row> rows) {
        String page = switch (style) {
            case APACHE_FANCY -> apacheFancy(path, parentHref, rows);
            case APACHE_PLAIN -> apachePlain(path, parentHref, rows);
            case APACHE_TABLE -> apacheTable(path, parentHref, rows);
            case NGINX_HTML -> nginxHtml(path, rows);
            case NGINX_JSON -> nginxJson(rows);
        };
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String apacheHead(String path) {
        return "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<html>\n <head>\n  <title>Index of " + html(path)
                + "</title>\n </head>\n <body>\n<h1>Index of " + html(path) + "</h1>\n";
    }

    private static String apacheFancy(String path, String parentHref, List<Row> rows) {
        StringBuilder out = new StringBuilder(apacheHead(path));
        out.append("<pre><img src=\"/icons/blank.gif\" alt=\"Icon \"> <a href=\"?C=N;O=D\">Name</a>")
                .append("                    <a href=\"?C=M;O=A\">Last modified</a>      <a href=\"?C=S;O=A\">Size</a>")
                .append("  <a href=\"?C=D;O=A\">Description</a><hr>");
        if (parentHref != null) {
            out.append("<img src=\"/icons/back.gif\" alt=\"[PARENTDIR]\"> <a href=\"").append(parentHref)
                    .append("\">Parent Directory</a>                             -   \n");
        }
        for (Row row : rows) {
            String text = truncate(row.name() + (row.directory() ? "/" : ""), 23);
            out.append("<img src=\"/icons/").append(row.directory() ? "folder.gif\" alt=\"[DIR]\"" : "compressed.gif\" alt=\"[   ]\"")
                    .append("> <a href=\"").append(html(row.href())).append("\">").append(text).append("</a>")
                    .append(" ".repeat(Math.max(1, 25 - text.length()))).append(APACHE_DATE.format(row.modified()))
                    .append("  ").append(row.directory() ? "  - " : apacheSize(row.size())).append("  \n");
        }
        return out.append("<hr></pre>\n</body></html>\n").toString();
    }

    private static String apachePlain(String path, String parentHref, List<Row> rows) {
        StringBuilder out = new StringBuilder(apacheHead(path)).append("<ul>");
        if (parentHref != null) {
            out.append("<li><a href=\"").append(parentHref).append("\"> Parent Directory</a></li>\n");
        }
        for (Row row : rows) {
            out.append("<li><a href=\"").append(html(row.href())).append("\"> ")
                    .append(truncate(row.name() + (row.directory() ? "/" : ""), 23)).append("</a></li>\n");
        }
        return out.append("</ul>\n</body></html>\n").toString();
    }

    private static String apacheTable(String path, String parentHref, List<Row> rows) {
        StringBuilder out = new StringBuilder(apacheHead(path)).append("  <table>\n")
                .append("   <tr><th valign=\"top\"><img src=\"/icons/blank.gif\" alt=\"[ICO]\"></th><th><a href=\"?C=N;O=D\">Name</a>")
                .append("</th><th><a href=\"?C=M;O=A\">Last modified</a></th><th><a href=\"?C=S;O=A\">Size</a></th>")
                .append("<th><a href=\"?C=D;O=A\">Description</a></th></tr>\n   <tr><th colspan=\"5\"><hr></th></tr>\n");
        if (parentHref != null) {
            out.append("<tr><td valign=\"top\"><img src=\"/icons/back.gif\" alt=\"[PARENTDIR]\"></td><td><a href=\"")
                    .append(parentHref).append("\">Parent Directory</a></td><td>&nbsp;</td><td align=\"right\">  - </td>")
                    .append("<td>&nbsp;</td></tr>\n");
        }
        for (Row row : rows) {
            out.append("<tr><td valign=\"top\"><img src=\"/icons/").append(row.directory() ? "folder.gif\" alt=\"[DIR]\""
                    : "compressed.gif\" alt=\"[   ]\"").append("></td><td><a href=\"").append(html(row.href())).append("\">")
                    .append(truncate(row.name() + (row.directory() ? "/" : ""), 23)).append("</a></td><td align=\"right\">")
                    .append(APACHE_DATE.format(row.modified())).append("  </td><td align=\"right\">")
                    .append(row.directory() ? "  - " : apacheSize(row.size())).append("</td><td>&nbsp;</td></tr>\n");
        }
        return out.append("   <tr><th colspan=\"5\"><hr></th></tr>\n</table>\n</body></html>\n").toString();
    }

    private static String nginxHtml(String path, List<Row> rows) {
        StringBuilder out = new StringBuilder("<html>\n<head><title>Index of ").append(html(path))
                .append("</title></head>\n<body>\n<h1>Index of ").append(html(path)).append("</h1><hr><pre><a href=\"../\">../</a>\n");
        for (Row row : rows) {
            String text = truncate(row.name() + (row.directory() ? "/" : ""), 50);
            out.append("<a href=\"").append(html(row.href())).append("\">").append(text).append("</a>")
                    .append(" ".repeat(Math.max(1, 51 - text.length()))).append(NGINX_DATE.format(row.modified()))
                    .append(String.format(Locale.ROOT, "%20s", row.directory() ? "-" : Long.toString(row.size()))).append('\n');
        }
        return out.append("</pre><hr></body>\n</html>\n").toString();
    }

    private static String nginxJson(List<Row> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (Row row : rows) {
            ObjectNode item = array.addObject();
            item.put("name", row.name());
            item.put("type", row.directory() ? "directory" : "file");
            item.put("mtime", DateTimeFormatter.RFC_1123_DATE_TIME.format(row.modified().atOffset(ZoneOffset.UTC)));
            if (!row.directory()) {
                item.put("size", row.size());
            }
        }
        return JSON.writeValueAsString(array);
    }

    /** apr_strfsize: exact below 973 bytes, else one decimal under 10 units, else whole units. */
    static String apacheSize(long size) {
        if (size < 973) {
            return String.format(Locale.ROOT, "%3d ", size);
        }
        double value = size;
        int unit = -1;
        do {
            value /= 1024;
            unit++;
        } while (value >= 973 && unit < 5);
        char suffix = "KMGTPE".charAt(unit);
        return value < 9.95 ? String.format(Locale.ROOT, "%.1f%c", value, suffix)
                : String.format(Locale.ROOT, "%3d%c", Math.round(value), suffix);
    }

    /** Link text as both servers cut it: the first width-3 characters and "..&gt;". */
    private static String truncate(String text, int width) {
        return text.length() > width ? html(text.substring(0, width - 3)) + "..&gt;" : html(text);
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
