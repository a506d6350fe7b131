package dev.sumlog.job;

import dev.sumlog.source.PathFilter;
import dev.sumlog.source.http.HttpPageFetcher;
import dev.sumlog.source.http.HttpTreeReader;
import dev.sumlog.source.http.ListingCrawler;
import dev.sumlog.source.http.RootScope;

final class HttpSourcesParked {
    static HttpTreeReader treeReader(HttpSourceSpec http, PathFilter filter) {
        RootScope scope = new RootScope(http.root());
        return new HttpTreeReader(() -> new ListingCrawler(scope, new HttpPageFetcher(scope, http.fetch()), http.bounds()),
                filter);
    }
}
