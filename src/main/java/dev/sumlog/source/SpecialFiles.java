package dev.sumlog.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Names the kind of a non-regular file for the report, from its POSIX mode bits. */
final class SpecialFiles {

    private static final int TYPE_MASK = 0170000;

    private SpecialFiles() {
    }

    static String describe(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & TYPE_MASK) {
                case 0010000 -> "FIFO (named pipe) not read";
                case 0140000 -> "socket not read";
                case 0020000 -> "character device not read";
                case 0060000 -> "block device not read";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "not a regular file";
        }
    }
}
