package dev.sumlog.tlog.tiles;

import dev.sumlog.tlog.merkle.Rfc6962;
import java.util.ArrayList;
import java.util.List;

/**
 * The hashes of one tile and of every complete subtree inside it, each computed at most once.
 *
 * <p>A tile of width {@code w} holds the {@code w} level-0 hashes of a stratum; the subtree of height
 * {@code h} (0..8) at position {@code j} covers hashes {@code [j * 2^h, (j + 1) * 2^h)} and exists
 * when that range lies within {@code w}. Proofs over a log ask for such subtrees again and again (a
 * batch of receipts shares most of its path), so computing a tile's inner tree once turns each
 * lookup from up to 255 hashes into an array read. Row {@code h} is built from row {@code h - 1} on
 * first use; instances are confined to their (synchronized) {@link TileStore}.
 */
final class TileSubtrees {

    private final List<List<byte[]>> rows = new ArrayList<>();

    TileSubtrees(List<byte[]> hashes) {
        rows.add(List.copyOf(hashes));
    }

    /** The tile's own hashes. */
    List<byte[]> hashes() {
        return rows.get(0);
    }

    /** Hash of the complete subtree of height {@code height} at position {@code position} in this tile. */
    byte[] subtree(int height, int position) {
        while (rows.size() <= height) {
            List<byte[]> below = rows.get(rows.size() - 1);
            List<byte[]> row = new ArrayList<>(below.size() / 2);
            for (int i = 0; i + 1 < below.size(); i += 2) {
                row.add(Rfc6962.hashChildren(below.get(i), below.get(i + 1)));
            }
            rows.add(row);
        }
        List<byte[]> row = rows.get(height);
        if (position >= row.size()) {
            throw new IllegalArgumentException("subtree of height " + height + " at " + position
                    + " is not complete in a tile of width " + hashes().size());
        }
        return row.get(position);
    }
}
