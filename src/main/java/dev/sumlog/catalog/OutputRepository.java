package dev.sumlog.catalog;

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

    /** Registers (or updates) files just written under {@code outRoot}. */
    public void record(String outRoot, List<OutputFile> files) {
        if (files.isEmpty()) {
            return;
        }
        Map<String, String> known = owned(outRoot, files.stream().map(OutputFile::path).toList());
        List<OutputFile> changed = files.stream().filter(f -> known.containsKey(f.path())).toList();
        List<OutputFile> fresh = files.stream().filter(f -> !known.containsKey(f.path())).toList();
        jdbc.batchUpdate("UPDATE output_file SET sha256 = ? WHERE path = ? AND out_root = ?", changed, changed.size(),
                (ps, f) -> {
                    ps.setString(1, f.sha256());
                    ps.setString(2, f.path());
                    ps.setString(3, outRoot);
                });
        jdbc.batchUpdate("INSERT INTO output_file (out_root, path, sha256) VALUES (?, ?, ?)", fresh, fresh.size(),
                (ps, f) -> {
                    ps.setString(1, outRoot);
                    ps.setString(2, f.path());
                    ps.setString(3, f.sha256());
                });
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
