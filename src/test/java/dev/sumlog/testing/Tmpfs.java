package dev.sumlog.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small real file systems for the full-disk and read-only tests: a tmpfs mounted at a temp folder.
 * Needs root (CI runs as root); elsewhere the test is skipped with the reason printed.
 */
public final class Tmpfs {

    private Tmpfs() {
    }

    /** Mounts a tmpfs with {@code options} (e.g. "size=2m", "ro,size=1m") at {@code point}. */
    public static Path mount(Path point, String options) throws Exception {
        Files.createDirectories(point);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", point.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes()).strip();
        boolean mounted = mount.waitFor() == 0;
        if (!mounted) {
            System.out.println("skipped: cannot mount a tmpfs here (" + said + ")");
        }
        assumeTrue(mounted, "cannot mount a tmpfs here: " + said);
        return point;
    }

    /** Changes the options of a mounted tmpfs, e.g. "size=512m" to make room again. */
    public static void remount(Path point, String options) throws Exception {
        Process remount = new ProcessBuilder("mount", "-o", "remount," + options, point.toString()).inheritIO().start();
        if (remount.waitFor() != 0) {
            throw new AssertionError("cannot remount " + point + " with " + options);
        }
    }

    public static void unmount(Path point) throws Exception {
        new ProcessBuilder("umount", point.toString()).inheritIO().start().waitFor();
    }
}
