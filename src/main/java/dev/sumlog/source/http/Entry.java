package dev.sumlog.source.http;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One file or directory a listing links to.
 *
 * @param name      the last path segment of the link's href, percent-decoded as UTF-8 (never the
 *                  link text, which servers truncate); never empty, ".", ".." and never contains '/' or NUL
 * @param url       the href resolved against the page and put in canonical form (see {@link Links}):
 *                  equal URLs name the same resource; directories end with '/'
 * @param directory whether the listing marks the entry as a directory (trailing '/' or a JSON type)
 * @param size      the size in bytes only when the listing states it exactly ("228", nginx's byte
 *                  counts, JSON); rounded sizes such as "9.6M" are dropped rather than passed on as facts
 * @param modified  the listing's time stamp read as UTC, to the minute; Apache prints server local
 *                  time, so this is a hint for change detection, not evidence
 */
public record Entry(String name, URI url, boolean directory, OptionalLong size, Optional<Instant> modified) {
}
