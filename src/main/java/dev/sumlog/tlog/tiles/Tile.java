package dev.sumlog.tlog.tiles;

import dev.sumlog.tlog.TlogException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Merkle tree tile: {@code width} consecutive hashes at tile level {@code level} (tree
 * height 8 * level), the {@code index}-th tile of its level. A full tile has 256 hashes; the
 * rightmost tile of a level may be partial (1..255). Hash {@code i} of a level-L tile is the
 * root of the complete subtree over leaves {@code [(index*256+i) * 256^L, (index*256+i+1) * 256^L)}.
 *
 * @param level tile level, 0..63
 * @param index tile index within the level
 * @param width number of hashes, 1..256
 */
public record Tile(int level, long index, int width) {

    /** Hashes in a full tile (and entries in a full bundle). */
    public static final int FULL_WIDTH = 256;

    /** Bits of tree height per tile level. */
    public static final int HEIGHT = 8;

    private static final Pattern PATH =
            Pattern.compile("tile/(0|[1-9]\\d?)/((?:x\\d{3}/)*\\d{3})(?:\\.p/([1-9]\\d{0,2}))?");

    public Tile {
        if (level < 0 || level > 63 || index < 0 || width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("invalid tile level=" + level + " index=" + index + " width=" + width);
        }
    }

    public boolean isPartial() {
        return width < FULL_WIDTH;
    }

    /** {@code tile/<L>/<N>[.p/<W>]}. */
    public String path() {
        return "tile/" + level + "/" + encodeIndex(index) + partialSuffix(width);
    }

    /** {@code tile/entries/<N>[.p/<W>]}: the entry bundle that matches a level-0 tile. */
    public static String entriesPath(long index, int width) {
        if (index < 0 || width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("invalid entry bundle index=" + index + " width=" + width);
        }
        return "tile/entries/" + encodeIndex(index) + partialSuffix(width);
    }

    /** Parses a tile path, rejecting non-canonical spellings. */
    public static Tile parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new TlogException("tile path: not tile/<L>/<N>[.p/<W>]: " + path);
        }
        int level = Integer.parseInt(m.group(1));
        int width = m.group(3) == null ? FULL_WIDTH : Integer.parseInt(m.group(3));
        boolean partialTooWide = m.group(3) != null && width >= FULL_WIDTH;
        if (level > 63 || partialTooWide) {
            throw new TlogException("tile path: level or width out of range: " + path);
        }
        String digits = m.group(2).replace("x", "").replace("/", "");
        long index;
        try {
            index = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new TlogException("tile path: index too large: " + path, e);
        }
        if (!encodeIndex(index).equals(m.group(2))) {
            throw new TlogException("tile path: index not in canonical form: " + path);
        }
        return new Tile(level, index, width);
    }

    /** N as zero-padded 3-digit groups, all but the last prefixed with 'x': 1234067 -> x001/x234/067. */
    public static String encodeIndex(long index) {
        String digits = Long.toString(index);
        digits = "0".repeat((3 - digits.length() % 3) % 3) + digits;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 3) {
            boolean last = i + 3 == digits.length();
            sb.append(last ? "" : "x").append(digits, i, i + 3).append(last ? "" : "/");
        }
        return sb.toString();
    }

    /**
     * Every tile a log of {@code treeSize} entries serves: full tiles plus the partial tile of
     * width {@code floor(size / 256^L) mod 256} at each level where that is non-zero.
     */
    public static List<Tile> forTreeSize(long treeSize) {
        List<Tile> tiles = new ArrayList<>();
        for (int level = 0; hashesAt(level, treeSize) > 0; level++) {
            long hashes = hashesAt(level, treeSize);
            for (long n = 0; n < hashes / FULL_WIDTH; n++) {
                tiles.add(new Tile(level, n, FULL_WIDTH));
            }
            if (hashes % FULL_WIDTH != 0) {
                tiles.add(new Tile(level, hashes / FULL_WIDTH, (int) (hashes % FULL_WIDTH)));
            }
        }
        return tiles;
    }

    /** The tile at {@code level} holding hash number {@code position}, as served at {@code treeSize}. */
    static Tile containing(int level, long position, long treeSize) {
        long hashes = hashesAt(level, treeSize);
        long index = position / FULL_WIDTH;
        if (position >= hashes) {
            throw new IllegalArgumentException("tile: level " + level + " hash " + position
                    + " is not complete in tree size " + treeSize);
        }
        boolean full = (index + 1) * FULL_WIDTH <= hashes;
        return new Tile(level, index, full ? FULL_WIDTH : (int) (hashes % FULL_WIDTH));
    }

    /** Number of complete hashes at tile level {@code level} in a tree of {@code treeSize}. */
    static long hashesAt(int level, long treeSize) {
        // Java masks shift counts to 6 bits, so a 64-bit shift must be special-cased.
        return HEIGHT * level >= Long.SIZE ? 0 : treeSize >>> (HEIGHT * level);
    }

    private static String partialSuffix(int width) {
        return width == FULL_WIDTH ? "" : ".p/" + width;
    }
}
