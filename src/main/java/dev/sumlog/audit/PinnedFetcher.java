package dev.sumlog.audit;

import dev.sumlog.tlog.tiles.TileFetcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A log's files as of one checkpoint: {@code checkpoint} is always the note the audit verified (a
 * remote log may publish a newer one between two reads, which would otherwise pair one tree's proofs
 * with another's root), and the last few entry bundles are kept, since entries are checked in index
 * order and a bundle holds 256 of them. Tiles themselves are cached by the reader.
 */
final class PinnedFetcher implements TileFetcher {

    private static final int BUNDLES_KEPT = 2;

    private final TileFetcher files;
    private final byte[] checkpoint;
    private final Map<String, Optional<byte[]>> bundles = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<byte[]>> eldest) {
            return size() > BUNDLES_KEPT;
        }
    };

    PinnedFetcher(TileFetcher files, String checkpointNote) {
        this.files = files;
        this.checkpoint = checkpointNote.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized Optional<byte[]> fetch(String path) throws IOException {
        if (path.equals("checkpoint")) {
            return Optional.of(checkpoint.clone());
        }
        if (!path.startsWith("tile/entries/")) {
            return files.fetch(path);
        }
        Optional<byte[]> kept = bundles.get(path);
        if (kept == null) {
            kept = files.fetch(path);
            bundles.put(path, kept);
        }
        return kept;
    }
}
