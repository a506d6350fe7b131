package dev.sumlog.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one stat(2) says about a regular file's identity and content version: size, mtime, ctime and
 * inode. Size and mtime alone miss a same-size rewrite whose mtime was put back ({@code touch -r});
 * the ctime cannot be set from user space and the inode changes when a file is replaced by rename,
 * so comparing all four catches both.
 *
 * @param size       bytes
 * @param mtime      last modification, epoch milliseconds
 * @param ctimeNanos last status change, epoch nanoseconds (0 where the file system has none)
 * @param inode      inode number (0 where the file system has none)
 */
public record FileStamp(long size, long mtime, long ctimeNanos, long inode) {

    private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,isRegularFile,isDirectory,isSymbolicLink";

    /** The stamp and the type of whatever {@code path} names, in one stat call where the OS allows. */
    public static Typed read(Path path, LinkOption... options) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(path, UNIX_ATTRIBUTES, options);
            FileStamp stamp = new FileStamp((Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).toMillis(),
                    ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS), ((Number) a.get("ino")).longValue());
            return new Typed(stamp, (Boolean) a.get("isRegularFile"), (Boolean) a.get("isDirectory"),
                    (Boolean) a.get("isSymbolicLink"));
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, options);
            return new Typed(new FileStamp(a.size(), a.lastModifiedTime().toMillis(), 0, 0), a.isRegularFile(),
                    a.isDirectory(), a.isSymbolicLink());
        }
    }

    /** A stamp with the file type it was read with. */
    public record Typed(FileStamp stamp, boolean isRegularFile, boolean isDirectory, boolean isSymbolicLink) {
    }
}
