package dev.sumlog.source.http;

import java.util.List;

/**
 * What one listing page offers.
 *
 * @param format      the dialect detected
 * @param files       file entries in document order
 * @param directories directory entries in document order
 * @param skipped     links left out, each with a reason (navigation links included, flagged)
 */
public record Listing(ListingFormat format, List<Entry> files, List<Entry> directories, List<Skipped> skipped) {

    public Listing {
        files = List.copyOf(files);
        directories = List.copyOf(directories);
        skipped = List.copyOf(skipped);
    }

    static Listing unrecognised(ListingFormat format, String page, String reason) {
        return new Listing(format, List.of(), List.of(), List.of(Skipped.problem(page, reason)));
    }
}
