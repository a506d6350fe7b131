package dev.sumlog.source.http;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A completed download.
 *
 * @param result        what the {@link HttpDownloader.BodyReader} returned on the successful attempt
 * @param bytes         the body's length as received: the bytes the reader consumed plus any it left
 *                      unread, which the downloader drains so that the length check covers the whole body
 * @param etag          the ETag header, as the server sent it (quotes and W/ kept)
 * @param lastModified  the Last-Modified header, unparsed
 * @param contentLength the Content-Length header; when present it equals {@code bytes}
 * @param finalUrl      the URL that answered, after redirects (always under the root)
 */
public record Downloaded<T>(T result, long bytes, Optional<String> etag, Optional<String> lastModified,
        OptionalLong contentLength, URI finalUrl) {
}
