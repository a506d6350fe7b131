package dev.sumlog.digest.archive;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks entry names and link targets as an extractor would see them. Both {@code /} and
 * {@code \} count as separators (zip tools on Windows write {@code \}, and an extractor on Windows
 * honours it), so {@code ..\x} is a parent path too.
 */
final class EntryPaths {

    private EntryPaths() {
    }

    /** {@code /x}, {@code \x}, {@code C:x} or {@code C:\x}: an extractor would write outside its directory. */
    static boolean isAbsolute(String name) {
        if (name.startsWith("/") || name.startsWith("\\")) {
            return true;
        }
        return name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0));
    }

    /** True when a segment of the name is {@code ..}. */
    static boolean hasParentSegment(String name) {
        for (String segment : name.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a symbolic link at {@code entry} pointing to {@code target} resolves outside the
     * archive root: targets are relative to the link's own directory.
     */
    static boolean symlinkEscapes(String entry, String target) {
        if (target.isEmpty()) {
            return false;
        }
        if (isAbsolute(target)) {
            return true;
        }
        Deque<String> path = new ArrayDeque<>();
        String[] entrySegments = entry.split("[/\\\\]", -1);
        for (int i = 0; i < entrySegments.length - 1; i++) { // the link's directory
            if (!walk(path, entrySegments[i])) {
                return true;
            }
        }
        return !resolves(path, target);
    }

    /** True when a hard link's target, which tar gives relative to the archive root, lies outside it. */
    static boolean hardlinkEscapes(String target) {
        return isAbsolute(target) || !resolves(new ArrayDeque<>(), target);
    }

    private static boolean resolves(Deque<String> path, String relative) {
        for (String segment : relative.split("[/\\\\]", -1)) {
            if (!walk(path, segment)) {
                return false;
            }
        }
        return true;
    }

    /** One step of resolution; false when {@code ..} climbs above the root. */
    private static boolean walk(Deque<String> path, String segment) {
        if (segment.isEmpty() || segment.equals(".")) {
            return true;
        }
        if (segment.equals("..")) {
            return path.pollLast() != null;
        }
        path.addLast(segment);
        return true;
    }

    /** The name without leading {@code ./} segments, which tar writes for {@code tar -C dir .}. */
    static String withoutDotPrefix(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }
}
