package dev.sumlog.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.source.CrawledFile;
import dev.sumlog.source.PathFilter;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.ListingServer;
import dev.sumlog.testing.ListingServer.Hostility;
import dev.sumlog.testing.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The crawl step's reader over a real listing server: a restart from a committed cursor hands out exactly
 * the files after it and the problems met after it, nothing twice.
 */
class HttpTreeReaderTest {

    @TempDir
    Path tree;

    @Test
    void aRestartFromTheCursorRepeatsNoFileAndNoProblemMetBeforeIt() throws Exception {
        for (String dir : List.of("a", "b", "c")) {
            Archives.sdist(tree.resolve(dir + "/p-1.0.tar.gz"), dir);
            Trees.write(tree.resolve(dir + "/p-1.0.tar.gz.asc"), "sig " + dir);
        }
        try (ListingServer server = new ListingServer(tree, ListingServer.Style.APACHE_TABLE,
                EnumSet.of(Hostility.ESCAPES, Hostility.OTHER_HOSTS))) {
            List<CrawledFile> whole = readAll(server, new ExecutionContext());
            List<String> files = whole.stream().filter(CrawledFile::isRegular).map(CrawledFile::path).toList();
            assertThat(files).containsExactly("a/p-1.0.tar.gz", "a/p-1.0.tar.gz.asc", "b/p-1.0.tar.gz",
                    "b/p-1.0.tar.gz.asc", "c/p-1.0.tar.gz", "c/p-1.0.tar.gz.asc");
            assertThat(whole).filteredOn(f -> !f.isRegular()).hasSizeGreaterThan(5);

            // committed up to b's tarball: the rest of the sequence, exactly
            ExecutionContext cursor = new ExecutionContext();
            cursor.putString("crawl.after", "b/p-1.0.tar.gz");
            List<CrawledFile> resumed = readAll(server, cursor);

            int at = files.indexOf("b/p-1.0.tar.gz");
            int position = whole.indexOf(whole.stream().filter(f -> "b/p-1.0.tar.gz".equals(f.path())).findFirst().orElseThrow());
            assertThat(resumed).containsExactlyElementsOf(whole.subList(position + 1, whole.size()));
            assertThat(resumed.stream().filter(CrawledFile::isRegular).map(CrawledFile::path))
                    .containsExactlyElementsOf(files.subList(at + 1, files.size()));

            // the cursor's file is gone since: the replay ends at the first file after it
            cursor.putString("crawl.after", "b/p-1.0.tar.g");
            assertThat(readAll(server, cursor).stream().filter(CrawledFile::isRegular).map(CrawledFile::path))
                    .containsExactlyElementsOf(files.subList(at, files.size()));
        }
    }

    private static List<CrawledFile> readAll(ListingServer server, ExecutionContext context) {
        RootScope scope = new RootScope(server.root());
        HttpTreeReader reader = new HttpTreeReader(() -> new ListingCrawler(scope,
                new HttpPageFetcher(scope, HttpFetchSettings.defaults()), CrawlBounds.DEFAULTS), PathFilter.all());
        reader.open(context);
        List<CrawledFile> items = new ArrayList<>();
        for (CrawledFile item = reader.read(); item != null; item = reader.read()) {
            items.add(item);
        }
        return items;
    }
}
