package dev.sumlog.source;

/**
 * The crawl order: relative paths compared component by component, each component by
 * {@link String#compareTo}. A depth-first walk with sorted directory listings yields paths in
 * exactly this order, which is what makes "resume after path P" a complete and duplicate-free cursor.
 */
public final class TreeOrder {

    private TreeOrder() {
    }

    public static int compare(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        int common = Math.min(left.length, right.length);
        for (int i = 0; i < common; i++) {
            int c = left[i].compareTo(right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    /** Whether {@code directory} is a proper ancestor of {@code path}. */
    public static boolean isAncestor(String directory, String path) {
        return path.length() > directory.length() && path.startsWith(directory) && path.charAt(directory.length()) == '/';
    }
}
