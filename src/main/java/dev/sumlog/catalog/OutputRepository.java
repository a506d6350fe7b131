package dev.sumlog.catalog;

import dev.sumlog.support.FileStamp;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every file sumlog wrote into an output tree, with the digest of the bytes it wrote. This is how
 * sumlog knows a file is its own: it replaces a file only when the file still holds what sumlog
 * wrote there, and a crawl of a tree it writes into skips only files registered here.
 *
 * <p>Rows are recorded in the transaction of the chunk that wrote the files. A file renamed into
 * place by a chunk that then died is not registered; the replayed chunk writes the same bytes, which
 * the write guard accepts as its own (same content) and registers.
 */
@Repository
public class OutputRepository {

    private final JdbcTemplate jdbc;

    public OutputRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The registered digests of those of {@code paths} that sumlog wrote under {@code outRoot}. */
    public Map<String, String> owned(String outRoot, Collection<String> paths) {
        Map<String, String> owned = new HashMap<>();
        List<String> distinct = paths.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<String> slice = distinct.subList(from, Math.min(from + 500, distinct.size()));
            List<Object> args = new ArrayList<>(slice);
            args.add(outRoot);
            jdbc.query("SELECT path, sha256 FROM output_file WHERE path IN (" + Sql.marks(slice.size())
                    + ") AND out_root = ?", rs -> {
                owned.put(rs.getString(1), rs.getString(2));
            }, args.toArray());
        }
        return owned;
    }

    /**
     * Registers (or updates) files just written under {@code outRoot}, with the stamp each has now (one
     * stat per file; null when it cannot be read), so that a later check re-reads only files whose
     * stamp moved.
     */
    public void record(String outRoot, List<OutputFile> files) {
        if (files.isEmpty()) {
            return;
        }
        Map<String, String> known = owned(outRoot, files.stream().map(OutputFile::path).toList());
        Path root = Path.of(outRoot);
        List<Stamped> changed = new ArrayList<>();
        List<Stamped> fresh = new ArrayList<>();
        for (OutputFile f : files) {
            (known.containsKey(f.path()) ? changed : fresh).add(new Stamped(f, stampOf(root.resolve(f.path()))));
        }
        jdbc.batchUpdate("UPDATE output_file SET sha256 = ?, size = ?, mtime = ?, ctime = ?, inode = ? WHERE path = ? AND out_root = ?",
                changed, changed.size(), (ps, f) -> {
                    ps.setString(1, f.file().sha256());
                    setStamp(ps, 2, f.stamp());
                    ps.setString(6, f.file().path());
                    ps.setString(7, outRoot);
                });
        jdbc.batchUpdate("INSERT INTO output_file (out_root, path, sha256, size, mtime, ctime, inode) VALUES (?, ?, ?, ?, ?, ?, ?)",
                fresh, fresh.size(), (ps, f) -> {
                    ps.setString(1, outRoot);
                    ps.setString(2, f.file().path());
                    ps.setString(3, f.file().sha256());
                    setStamp(ps, 4, f.stamp());
                });
    }

    /** The next page of registered files under {@code outRoot} after {@code afterId}, in id order. */
    public List<Registered> page(String outRoot, long afterId, int limit) {
        return jdbc.query("SELECT id, path, sha256, size, mtime, ctime, inode FROM output_file WHERE out_root = ? AND id > ?"
                + " ORDER BY id FETCH FIRST ? ROWS ONLY", (rs, n) -> new Registered(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getObject(4) == null ? null
                : new FileStamp(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7))), outRoot, afterId, limit);
    }

    /** Records that a registered file was found, at this stamp, to hold its registered bytes. */
    public void confirm(long id, FileStamp stamp) {
        jdbc.update("UPDATE output_file SET size = ?, mtime = ?, ctime = ?, inode = ? WHERE id = ?",
                stamp.size(), stamp.mtime(), stamp.ctimeNanos(), stamp.inode(), id);
    }

    /** @param stamp as last confirmed, or null when never */
    public record Registered(long id, String path, String sha256, FileStamp stamp) {
    }

    private record Stamped(OutputFile file, FileStamp stamp) {
    }

    private static FileStamp stampOf(Path file) {
        try {
            return FileStamp.read(file, LinkOption.NOFOLLOW_LINKS).stamp();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static void setStamp(PreparedStatement ps, int first, FileStamp stamp) throws SQLException {
        ps.setObject(first, stamp == null ? null : stamp.size());
        ps.setObject(first + 1, stamp == null ? null : stamp.mtime());
        ps.setObject(first + 2, stamp == null ? null : stamp.ctimeNanos());
        ps.setObject(first + 3, stamp == null ? null : stamp.inode());
    }

    /**
     * A file sumlog wrote.
     *
     * @param path   relative to the output root, '/'-separated
     * @param sha256 digest of the bytes written
     */
    public record OutputFile(String path, String sha256) {
    }
}
