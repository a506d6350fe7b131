package dev.sumlog.source.http;

/**
 * Counters of a crawl so far.
 *
 * @param pages       listing pages fetched
 * @param files       files yielded
 * @param skipped     problem items yielded
 * @param duplicates  links whose URL (or a page's final URL) was seen before and were not taken again
 * @param navigation  navigation links ignored silently (sort and parent links)
 */
public record CrawlStats(int pages, int files, int skipped, int duplicates, int navigation) {
}
