package dev.sumlog.tlog.tiles;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.HashSource;
import dev.sumlog.tlog.merkle.ProofGenerator;
import dev.sumlog.tlog.merkle.Rfc6962;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the tiles and entry bundles that a tree of a given size needs, with a small cache.
 *
 * <p>A partial tile may have been deleted once its full tile exists (the spec allows it), so
 * a missing partial falls back to the full tile, cut to the width asked for. Sizes are checked
 * but contents are not: callers authenticate them through proofs against a signed root.
 */
final class TileStore implements HashSource {

    private static final int CACHE_TILES = 64;

    private final TileFetcher fetcher;
    private final long treeSize;
    private final Map<String, TileSubtrees> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TileSubtrees> eldest) {
            return size() > CACHE_TILES;
        }
    };

    TileStore(TileFetcher fetcher, long treeSize) {
        this.fetcher = fetcher;
        this.treeSize = treeSize;
    }

    /** The hashes of {@code tile} (width as served at this tree size). Synchronized for the cache. */
    synchronized List<byte[]> hashes(Tile tile) throws IOException {
        return subtrees(tile).hashes();
    }

    private synchronized TileSubtrees subtrees(Tile tile) throws IOException {
        TileSubtrees cached = cache.get(tile.path());
        if (cached != null) {
            return cached;
        }
        Fetched fetched = fetch(tile.path(), new Tile(tile.level(), tile.index(), Tile.FULL_WIDTH).path());
        int want = (fetched.full() ? Tile.FULL_WIDTH : tile.width()) * Rfc6962.HASH_SIZE;
        if (fetched.data().length != want) {
            throw new TlogException("tile: " + fetched.path() + " is " + fetched.data().length + " bytes, want " + want);
        }
        List<byte[]> hashes = new ArrayList<>(tile.width());
        for (int i = 0; i < tile.width(); i++) {
            hashes.add(Arrays.copyOfRange(fetched.data(), i * Rfc6962.HASH_SIZE, (i + 1) * Rfc6962.HASH_SIZE));
        }
        TileSubtrees subtrees = new TileSubtrees(hashes);
        cache.put(tile.path(), subtrees);
        return subtrees;
    }

    /** The entries of the bundle holding leaf {@code index}, as many as this tree size has. */
    List<byte[]> bundleOf(long index) throws IOException {
        Tile tile = Tile.containing(0, index, treeSize);
        Fetched fetched = fetch(Tile.entriesPath(tile.index(), tile.width()),
                Tile.entriesPath(tile.index(), Tile.FULL_WIDTH));
        int count = fetched.full() ? Tile.FULL_WIDTH : tile.width();
        return EntryBundle.decode(fetched.data(), count).subList(0, tile.width());
    }

    /** Root hash of the whole tree of this size, computed from the tiles. */
    byte[] rootHash() throws IOException {
        try {
            return new ProofGenerator(this).rootHash(treeSize);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Served from each tile's inner tree ({@link TileSubtrees}), computed once per cached tile. */
    @Override
    public byte[] subtreeHash(int height, long index) {
        int level = height / Tile.HEIGHT;
        int inTile = height % Tile.HEIGHT;
        int count = 1 << inTile;
        long first = index * count;
        try {
            TileSubtrees tile = subtrees(Tile.containing(level, first + count - 1, treeSize));
            return tile.subtree(inTile, (int) (first % Tile.FULL_WIDTH) >>> inTile).clone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fetches {@code path}, or {@code fullPath} if a partial resource is gone. */
    private Fetched fetch(String path, String fullPath) throws IOException {
        Optional<byte[]> data = fetcher.fetch(path);
        if (data.isPresent()) {
            return new Fetched(path, data.get(), path.equals(fullPath));
        }
        if (!path.equals(fullPath)) {
            data = fetcher.fetch(fullPath);
            if (data.isPresent()) {
                return new Fetched(fullPath, data.get(), true);
            }
        }
        throw new TlogException("tile: " + path + " is missing");
    }

    private record Fetched(String path, byte[] data, boolean full) {
    }
}
