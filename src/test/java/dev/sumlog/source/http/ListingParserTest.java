package dev.sumlog.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Pages built from the structure of real Apache 2.4 and nginx output (reference/archive-layouts.md §2). */
class ListingParserTest {

    private static final URI PAGE = URI.create("https://tarballs.example.org/openstack/nova/");

    private static Listing parse(String type, String body) {
        return ListingParser.parse(PAGE, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(List<Entry> entries) {
        return entries.stream().map(Entry::name).toList();
    }

    @Test
    void apacheTableFollowsHrefsNotTruncatedTextsAndKeepsOnlyExactSizes() {
        Listing listing = parse("text/html;charset=UTF-8", """
                <html><head><title>Index of /openstack/nova</title></head><body><h1>Index of /openstack/nova</h1>
                <table>
                 <tr><th valign="top"><img src="/icons/blank.gif" alt="[ICO]"></th><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th><th><a href="?C=S;O=A">Size</a></th><th><a href="?C=D;O=A">Description</a></th></tr>
                 <tr><th colspan="5"><hr></th></tr>
                <tr><td valign="top"><img src="/icons/back.gif" alt="[PARENTDIR]"></td><td><a href="/openstack/">Parent Directory</a></td><td>&nbsp;</td><td align="right">  - </td><td>&nbsp;</td></tr>
                <tr><td valign="top"><img src="/icons/folder.gif" alt="[DIR]"></td><td><a href="dib/">dib/</a></td><td align="right">2015-10-09 16:12  </td><td align="right">  - </td><td>&nbsp;</td></tr>
                <tr><td valign="top"><img src="/icons/compressed.gif" alt="[   ]"></td><td><a href="nova-27.0.0.tar.gz">nova-27.0.0.tar.gz</a></td><td align="right">2023-03-22 10:15  </td><td align="right">9.6M</td><td>&nbsp;</td></tr>
                <tr><td valign="top"><img src="/icons/unknown.gif" alt="[   ]"></td><td><a href="neutron_dynamic_routing-27.0.0.0rc1-py3-none-any.whl.asc">neutron_dynamic_rout..&gt;</a></td><td align="right">2023-03-22 10:15  </td><td align="right">228 </td><td>&nbsp;</td></tr>
                 <tr><th colspan="5"><hr></th></tr>
                </table></body></html>
                """);
        assertThat(listing.format()).isEqualTo(ListingFormat.APACHE_TABLE);
        assertThat(names(listing.directories())).containsExactly("dib");
        assertThat(listing.directories().get(0).url()).isEqualTo(URI.create("https://tarballs.example.org/openstack/nova/dib/"));
        assertThat(names(listing.files())).containsExactly("nova-27.0.0.tar.gz",
                "neutron_dynamic_routing-27.0.0.0rc1-py3-none-any.whl.asc");
        assertThat(listing.files().get(0).size()).isEmpty(); // 9.6M is rounded: dropped
        assertThat(listing.files().get(1).size()).isEqualTo(OptionalLong.of(228));
        assertThat(listing.files().get(1).modified()).contains(Instant.parse("2023-03-22T10:15:00Z"));
        assertThat(listing.skipped()).allMatch(Skipped::navigation).hasSize(5); // 4 sort links and the parent
    }

    @Test
    void nginxPreTakesExactSizesAndDecodesNames() {
        Listing listing = parse("text/html", """
                <html>
                <head><title>Index of /openstack/nova/</title></head>
                <body>
                <h1>Index of /openstack/nova/</h1><hr><pre><a href="../">../</a>
                <a href="dib/">dib/</a>                                               09-Oct-2015 16:12                   -
                <a href="nova-2025.2.0%2Babc123.tgz">nova-2025.2.0+abc123.tgz</a>                           22-Mar-2023 10:15            10066329
                <a href="caf%C3%A9%20x-1.0.tar.gz">caf\u00e9 x-1.0.tar.gz</a>                              22-Mar-2023 10:15                 228
                <a href="odd%0Aname-1.0.tar.gz">odd
                name-1.0.tar.gz</a>                              22-Mar-2023 10:16                 229
                <a href="bad-%FF.tar.gz">bad-?.tar.gz</a>                              22-Mar-2023 10:15                 228
                </pre><hr></body>
                </html>
                """);
        assertThat(listing.format()).isEqualTo(ListingFormat.NGINX_HTML);
        assertThat(names(listing.directories())).containsExactly("dib");
        assertThat(names(listing.files())).containsExactly("nova-2025.2.0+abc123.tgz", "caf\u00e9 x-1.0.tar.gz", "odd\nname-1.0.tar.gz");
        assertThat(listing.files()).extracting(e -> e.size().getAsLong()).containsExactly(10066329L, 228L, 229L);
        assertThat(listing.files().get(2).modified()).contains(Instant.parse("2023-03-22T10:16:00Z"));
        assertThat(listing.skipped()).extracting(Skipped::toString)
                .containsExactly("../: parent directory link", "bad-%FF.tar.gz: name 'bad-%FF.tar.gz' is not valid UTF-8 once percent-decoded");
    }

    @Test
    void apacheFancyPreWithIconsAndSortLinks() {
        Listing listing = parse("text/html;charset=UTF-8", """
                <html><head><title>Index of /openstack/nova</title></head><body><h1>Index of /openstack/nova</h1>
                <pre><img src="/icons/blank.gif" alt="Icon "> <a href="?C=N;O=D">Name</a>                    <a href="?C=M;O=A">Last modified</a>      <a href="?C=S;O=A">Size</a>  <a href="?C=D;O=A">Description</a><hr><img src="/icons/back.gif" alt="[PARENTDIR]"> <a href="/openstack/">Parent Directory</a>                             -
                <img src="/icons/compressed.gif" alt="[   ]"> <a href="nova-27.0.0-py3-none-any.whl">nova-27.0.0-py3-none..&gt;</a> 2023-03-22 10:15  9.6M
                <img src="/icons/text.gif" alt="[TXT]"> <a href="README">README</a>                  2010-05-17 12:26  120
                <hr></pre></body></html>
                """);
        assertThat(listing.format()).isEqualTo(ListingFormat.APACHE_FANCY);
        assertThat(names(listing.files())).containsExactly("nova-27.0.0-py3-none-any.whl", "README");
        assertThat(listing.files().get(1).size()).isEqualTo(OptionalLong.of(120));
        assertThat(listing.files().get(0).size()).isEmpty();
        assertThat(listing.skipped()).allMatch(Skipped::navigation);
    }

    @Test
    void apachePlainList() {
        Listing listing = parse("text/html", """
                <html><head><title>Index of /openstack/nova</title></head><body><h1>Index of /openstack/nova</h1>
                <ul><li><a href="/openstack/"> Parent Directory</a></li>
                <li><a href="dib/"> dib/</a></li>
                <li><a href="nova-27.0.0.tar.gz"> nova-27.0.0.tar.gz</a></li>
                </ul></body></html>
                """);
        assertThat(listing.format()).isEqualTo(ListingFormat.APACHE_PLAIN);
        assertThat(names(listing.directories())).containsExactly("dib");
        assertThat(names(listing.files())).containsExactly("nova-27.0.0.tar.gz");
        assertThat(listing.files().get(0).size()).isEmpty();
    }

    @Test
    void nginxJsonChecksNamesBeforeEncodingThem() {
        Listing listing = parse("application/json", """
                [{ "name":"dib", "type":"directory", "mtime":"Fri, 09 Oct 2015 16:12:00 GMT" },
                 { "name":"nova 27+x.tar.gz", "type":"file", "mtime":"Wed, 22 Mar 2023 10:15:00 GMT", "size":10066329 },
                 { "name":"..", "type":"directory", "mtime":"Wed, 22 Mar 2023 10:15:00 GMT" },
                 { "name":"../../etc/passwd", "type":"file", "mtime":"Wed, 22 Mar 2023 10:15:00 GMT", "size":1 },
                 { "name":"sock", "type":"other", "mtime":"Wed, 22 Mar 2023 10:15:00 GMT" }]
                """);
        assertThat(listing.format()).isEqualTo(ListingFormat.NGINX_JSON);
        assertThat(listing.directories()).extracting(Entry::url).containsExactly(URI.create(PAGE + "dib/"));
        assertThat(listing.files()).extracting(Entry::url).containsExactly(URI.create(PAGE + "nova%2027%2Bx.tar.gz"));
        assertThat(listing.files().get(0).name()).isEqualTo("nova 27+x.tar.gz");
        assertThat(listing.files().get(0).size()).isEqualTo(OptionalLong.of(10066329));
        assertThat(listing.directories().get(0).modified()).contains(Instant.parse("2015-10-09T16:12:00Z"));
        assertThat(listing.skipped()).extracting(Skipped::toString).containsExactly("..: entry named '..'",
                "../../etc/passwd: name contains '/' or NUL", "sock: entry of type 'other' is neither a file nor a directory");
    }

    @Test
    void aPageThatIsNotAListingYieldsNothing() {
        Listing web = parse("text/html", "<html><head><title>Welcome</title></head><body><a href=\"a.tgz\">a</a></body></html>");
        assertThat(web.format()).isEqualTo(ListingFormat.UNKNOWN);
        assertThat(web.files()).isEmpty();
        assertThat(web.skipped()).singleElement().extracting(Skipped::reason).asString().contains("not an index listing");
        Listing json = parse("application/json", "{\"not\":\"an array\"}");
        assertThat(json.skipped()).singleElement().extracting(Skipped::reason).isEqualTo("JSON listing is not an array");
        assertThat(parse("application/json", "[{").skipped().get(0).reason()).startsWith("JSON listing does not parse");
    }

    @Test
    void linksPastTheCapAreNotReadAndThatIsSaid() {
        StringBuilder page = new StringBuilder("<html><head><title>Index of /x</title></head><body><pre>");
        for (int i = 0; i < 50; i++) {
            page.append("<a href=\"f").append(i).append(".tgz\">f").append(i).append("</a> 22-Mar-2023 10:15 1\n");
        }
        Listing listing = ListingParser.parse(PAGE, "text/html", page.append("</pre></body></html>").toString()
                .getBytes(StandardCharsets.UTF_8), 20);
        assertThat(listing.files()).hasSize(20);
        assertThat(listing.skipped()).singleElement().extracting(Skipped::reason)
                .isEqualTo("listing has 50 links; only the first 20 were read (maxLinksPerPage)");
    }

    @Test
    void aLinkToTheListingItselfIsReported() {
        Listing listing = parse("text/html", "<title>Index of /openstack/nova/</title><pre><a href=\"./\">./</a>\n"
                + "<a href=\"/openstack/nova/\">self</a>\n<a href=\"http://other.example/\">x</a>\n</pre>");
        assertThat(listing.skipped()).extracting(Skipped::reason).containsExactly("link to this listing itself",
                "link to this listing itself");
        assertThat(listing.directories()).extracting(Entry::url).containsExactly(URI.create("http://other.example/"));
    }
}
