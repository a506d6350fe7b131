package dev.sumlog.digest.archive;

import java.util.Locale;
import java.util.Optional;

/** The archive kinds inspected, recognised by file name (the content must then prove it). */
enum ArchiveFormat {
    TAR_GZ(".tar.gz", ".tgz"),
    TAR_BZIP2(".tar.bz2"),
    TAR_XZ(".tar.xz"),
    ZIP(".zip"),
    WHEEL(".whl");

    private final String[] suffixes;

    ArchiveFormat(String... suffixes) {
        this.suffixes = suffixes;
    }

    /** The format a file name says, or empty for files that are not inspected. */
    static Optional<ArchiveFormat> of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ArchiveFormat format : values()) {
            for (String suffix : format.suffixes) {
                if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    boolean isTar() {
        return this == TAR_GZ || this == TAR_BZIP2 || this == TAR_XZ;
    }
}
