package dev.sumlog.tlog.tiles;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.Rfc6962;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's view of the right edge of the tree: the hashes of the rightmost, not yet full
 * tile at each level, and the entries of the not yet full bundle. This is all a writer needs
 * to append; everything to its left is in immutable full tiles.
 *
 * <p>Invariant: {@code levels.get(L).size() == floor(size / 256^L) mod 256} and
 * {@code bundle.size() == size mod 256}.
 */
final class TreeEdge {

    private long size;
    private final List<List<byte[]>> levels;
    private final List<byte[]> bundle;

    private TreeEdge(long size, List<List<byte[]>> levels, List<byte[]> bundle) {
        this.size = size;
        this.levels = levels;
        this.bundle = bundle;
    }

    /** Loads the edge of the tree of {@code size} from tiles and checks the bundle matches. */
    static TreeEdge load(TileFetcher fetcher, long size) throws IOException {
        TileStore store = new TileStore(fetcher, size);
        List<List<byte[]>> levels = new ArrayList<>();
        for (int level = 0; Tile.hashesAt(level, size) > 0; level++) {
            long hashes = Tile.hashesAt(level, size);
            int width = (int) (hashes % Tile.FULL_WIDTH);
            levels.add(width == 0 ? new ArrayList<>()
                    : new ArrayList<>(store.hashes(new Tile(level, hashes / Tile.FULL_WIDTH, width))));
        }
        List<byte[]> bundle = new ArrayList<>();
        if (size % Tile.FULL_WIDTH != 0) {
            bundle.addAll(store.bundleOf(size - 1));
            for (int i = 0; i < bundle.size(); i++) {
                if (!MessageDigest.isEqual(Rfc6962.hashLeaf(bundle.get(i)), levels.get(0).get(i))) {
                    throw new TlogException("tile log: entry " + (size - bundle.size() + i)
                            + " in the bundle does not match its level-0 tile hash");
                }
            }
        }
        return new TreeEdge(size, levels, bundle);
    }

    TreeEdge copy() {
        List<List<byte[]>> levelsCopy = new ArrayList<>();
        levels.forEach(row -> levelsCopy.add(new ArrayList<>(row)));
        return new TreeEdge(size, levelsCopy, new ArrayList<>(bundle));
    }

    long size() {
        return size;
    }

    /**
     * Appends entries and returns the files to write, by path: hash tiles first, then entry
     * bundles. Full tiles are returned once, when they fill up; partial tiles only for levels
     * that changed, so a file a published checkpoint needs is never rewritten.
     */
    Map<String, byte[]> append(List<byte[]> entries) {
        Map<String, byte[]> tiles = new LinkedHashMap<>();
        Map<String, byte[]> bundles = new LinkedHashMap<>();
        int levelsTouched = 0;
        for (byte[] entry : entries) {
            size++;
            byte[] hash = Rfc6962.hashLeaf(entry);
            for (int level = 0; ; level++) {
                if (levels.size() == level) {
                    levels.add(new ArrayList<>());
                }
                List<byte[]> row = levels.get(level);
                row.add(hash);
                levelsTouched = Math.max(levelsTouched, level + 1);
                if (row.size() < Tile.FULL_WIDTH) {
                    break;
                }
                long index = Tile.hashesAt(level, size) / Tile.FULL_WIDTH - 1;
                tiles.put(new Tile(level, index, Tile.FULL_WIDTH).path(), concat(row));
                hash = Rfc6962.rootOfLeafHashes(row);
                row.clear();
            }
            bundle.add(entry.clone()); // the caller may reuse its arrays
            if (bundle.size() == Tile.FULL_WIDTH) {
                bundles.put(Tile.entriesPath(size / Tile.FULL_WIDTH - 1, Tile.FULL_WIDTH), EntryBundle.encode(bundle));
                bundle.clear();
            }
        }
        for (int level = 0; level < levelsTouched; level++) {
            List<byte[]> row = levels.get(level);
            if (!row.isEmpty()) {
                long index = Tile.hashesAt(level, size) / Tile.FULL_WIDTH;
                tiles.put(new Tile(level, index, row.size()).path(), concat(row));
            }
        }
        if (!bundle.isEmpty()) {
            bundles.put(Tile.entriesPath(size / Tile.FULL_WIDTH, bundle.size()), EntryBundle.encode(bundle));
        }
        tiles.putAll(bundles);
        return tiles;
    }

    private static byte[] concat(List<byte[]> hashes) {
        byte[] out = new byte[hashes.size() * Rfc6962.HASH_SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
        }
        return out;
    }
}
