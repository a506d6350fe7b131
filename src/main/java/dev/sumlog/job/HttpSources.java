package dev.sumlog.job;

import dev.sumlog.digest.ArtifactReader;
import dev.sumlog.digest.ReadPass;
import dev.sumlog.source.PathFilter;
import dev.sumlog.source.http.DownloadPolicy;
import dev.sumlog.source.http.DownloadingArtifactReader;
import dev.sumlog.source.http.HttpDownloader;
import dev.sumlog.source.http.HttpPageFetcher;
import dev.sumlog.source.http.HttpTreeReader;
import dev.sumlog.source.http.ListingCrawler;
import dev.sumlog.source.http.RootScope;
import dev.sumlog.support.ThrottledNotice;

/** Builds the HTTP source's crawl reader and download reader from the job's {@link HttpSourceSpec}. */
public final class HttpSources {

    private HttpSources() {
    }

    static HttpTreeReader treeReader(HttpSourceSpec http, PathFilter filter) {
        RootScope scope = new RootScope(http.root());
        return new HttpTreeReader(() -> new ListingCrawler(scope, new HttpPageFetcher(scope, http.fetch()), http.bounds()),
                filter);
    }

    /** A download reader with its own downloader, which it closes. */
    public static ArtifactReader artifactReader(HttpSourceSpec http, ReadPass pass) {
        return new DownloadingArtifactReader(new RootScope(http.root()), downloader(http), pass);
    }

    private static HttpDownloader downloader(HttpSourceSpec http) {
        DownloadPolicy defaults = DownloadPolicy.defaults();
        DownloadPolicy policy = new DownloadPolicy(http.concurrency(), http.rate(), http.burst(), http.attempts(),
                defaults.initialBackoff(), defaults.maxBackoff(), http.readTimeout());
        // Downloads that wait for the host's rate say so, at most once per progress interval.
        return new HttpDownloader(new RootScope(http.root()), http.fetch(), policy,
                new ThrottledNotice(line -> System.out.println("  downloads: " + line), ThrottledNotice.EVERY));
    }
}
