package dev.sumlog.tlog.tiles;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads the static resources of a tlog-tiles log ({@code checkpoint}, {@code tile/...}) by
 * path relative to the log prefix. Content is untrusted: {@link TileReader} authenticates
 * what it returns against a signed checkpoint.
 */
@FunctionalInterface
public interface TileFetcher {

    /**
     * The resource at {@code path} (e.g. {@code tile/0/x001/234.p/7}), or empty if the log
     * does not have it.
     *
     * @throws IOException for any failure other than "not found"
     */
    Optional<byte[]> fetch(String path) throws IOException;
}
