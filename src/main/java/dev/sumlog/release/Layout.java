package dev.sumlog.release;

/** How a source archive groups files into releases. */
public enum Layout {
    /**
     * Many releases share one directory and are told apart by file name (tarballs.opendev.org,
     * GNU ftp). Only subjects and their sidecars belong to a release.
     */
    FLAT,
    /**
     * Each directory is one release (Node.js {@code /dist/vX.Y.Z/}, Apache dist version dirs). Every
     * file of the directory that is not mutable belongs to it, whatever its name.
     */
    PER_DIRECTORY
}
