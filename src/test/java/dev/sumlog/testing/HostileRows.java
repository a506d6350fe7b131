package dev.sumlog.testing;

import dev.sumlog.testing.ListingServer.Hostility;
import dev.sumlog.testing.ListingServer.Style;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The extra rows a hostile {@link ListingServer} adds to its root listing. Hrefs are used verbatim.
 * nginx JSON carries names, not hrefs, so its hostile rows are hostile names instead.
 */
final class HostileRows {

    private static final Instant WHEN = Instant.parse("2023-03-22T10:15:00Z");

    private HostileRows() {
    }

    static ListingPages.Row dir(String name, String href) {
        return new ListingPages.Row(name, href, true, 0, WHEN);
    }

    static ListingPages.Row file(String name, String href) {
        return new ListingPages.Row(name, href, false, 228, WHEN);
    }

    static List<ListingPages.Row> forRoot(Set<Hostility> hostile, Style style, String origin, int port) {
        List<ListingPages.Row> rows = new ArrayList<>();
        boolean json = style == Style.NGINX_JSON;
        if (hostile.contains(Hostility.OTHER_HOSTS) && !json) {
            rows.add(dir("localhost", "http://localhost:" + port + ListingServer.PREFIX + "openstack/"));
            rows.add(dir("https", "https://127.0.0.1:" + port + ListingServer.PREFIX + "openstack/"));
            rows.add(dir("otherport", "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1) + ListingServer.PREFIX));
            rows.add(dir("userinfo", "http://user:pw@127.0.0.1:" + port + ListingServer.PREFIX + "x/"));
            rows.add(dir("schemeless", "//localhost:" + port + ListingServer.PREFIX + "x/"));
            rows.add(file("ftp", "ftp://127.0.0.1/pub/file.tar.gz"));
            rows.add(file("mail", "mailto:root@example.org"));
            rows.add(file("js", "javascript:alert(1)"));
            rows.add(file("evil", "https://evil.example/nova-27.0.0.tar.gz"));
        }
        if (hostile.contains(Hostility.ESCAPES)) {
            if (json) {
                rows.add(dir("..", ""));
                rows.add(dir(".", ""));
                rows.add(file("../../etc/passwd", ""));
                rows.add(dir("a/../../etc", ""));
            } else {
                rows.add(file("passwd", "../../etc/passwd"));
                rows.add(dir("etc", "../../etc/"));
                rows.add(dir("abs", "/etc/"));
                rows.add(dir("dots", "%2e%2e/%2e%2e/etc/"));
                rows.add(dir("slashes", "..%2f..%2fetc/"));
                rows.add(dir("backslash", "..\\..\\etc\\"));
                rows.add(dir("inner", ListingServer.PREFIX + "../etc/"));
                rows.add(dir("dot2", ".%2e/"));
                rows.add(dir("double", "openstack//nova/"));
                rows.add(file("badutf8", "bad-%FF%FE.tar.gz"));
                rows.add(file("badescape", "bad-%zz.tar.gz"));
            }
        }
        if (hostile.contains(Hostility.QUERY_LINKS) && !json) {
            rows.add(dir("sort", "?C=M;O=A"));
            rows.add(dir("sort2", "?C=S;O=D"));
            rows.add(dir("pattern", "?P=*.asc"));
            rows.add(dir("subsort", "openstack/?C=N;O=D"));
            rows.add(file("download", "x.tar.gz?download=1"));
            rows.add(file("top", "#top"));
            rows.add(file("frag", "x.tar.gz#frag"));
        }
        if (hostile.contains(Hostility.SELF_LOOP)) {
            rows.add(dir("loop", "loop/"));
            rows.add(dir(".", json ? "" : "./"));
            if (!json) {
                rows.add(dir("self", ListingServer.PREFIX));
                rows.add(dir("selfabs", origin + ListingServer.PREFIX));
            }
        }
        if (hostile.contains(Hostility.MANY_LINKS)) {
            for (int i = 0; i < ListingServer.MANY; i++) {
                String name = String.format("many-%05d.bin", i);
                rows.add(file(name, name));
            }
        }
        if (hostile.contains(Hostility.BAD_DOWNLOADS)) {
            ListingServer.BAD_FILES.forEach(name -> rows.add(file(name, name)));
        }
        if (hostile.contains(Hostility.REDIRECTS)) {
            rows.add(dir("away", "away/"));
            rows.add(dir("offsite", "offsite/"));
            rows.add(dir("alias", "alias/"));
        }
        return rows;
    }
}
