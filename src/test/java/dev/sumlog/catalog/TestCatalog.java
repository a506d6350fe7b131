package dev.sumlog.catalog;

import dev.sumlog.release.ArtifactKind;
import dev.sumlog.release.ReleaseKey;
import dev.sumlog.support.FileStamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh, Flyway-migrated in-memory H2 catalog for repository tests (no Spring context), with
 * small builders for crawl inputs and row lookups. Close it to drop the database.
 */
final class TestCatalog implements AutoCloseable {

    static final String SOURCE = "https://archive.example/src";
    static final String OTHER_SOURCE = "https://other.example/src";

    final JdbcTemplate jdbc;
    final ArtifactRepository artifacts;
    final ReleaseRepository releases;

    private TestCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.artifacts = new ArtifactRepository(jdbc);
        this.releases = new ReleaseRepository(jdbc);
    }

    static TestCatalog create() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:catalog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new TestCatalog(new JdbcTemplate(ds));
    }

    @Override
    public void close() {
        jdbc.execute("SHUTDOWN");
    }

    // ---- inputs

    static FileStamp stamp(long size) {
        return new FileStamp(size, 1_700_000_000_000L, 1_700_000_000_000_000_000L, 1000 + size);
    }

    /** A release member (SUBJECT) of {@code key}, in the key's directory. */
    static NewArtifact member(ReleaseKey key, String fileName, FileStamp stamp) {
        return file(join(key.directory(), fileName), stamp, ArtifactKind.SUBJECT, key, null);
    }

    static NewArtifact sidecar(ReleaseKey key, String fileName, FileStamp stamp) {
        return file(join(key.directory(), fileName), stamp, ArtifactKind.SIDECAR, key, null);
    }

    static NewArtifact unclassified(String path, FileStamp stamp, String note) {
        return file(path, stamp, ArtifactKind.UNCLASSIFIED, null, note);
    }

    static NewArtifact mutable(String path, FileStamp stamp) {
        return file(path, stamp, ArtifactKind.MUTABLE, null, null);
    }

    static NewArtifact file(String path, FileStamp stamp, ArtifactKind kind, ReleaseKey release, String note) {
        int slash = path.lastIndexOf('/');
        String directory = slash < 0 ? "" : path.substring(0, slash);
        return new NewArtifact(path, directory, path.substring(slash + 1), stamp, kind, release, note);
    }

    private static String join(String directory, String fileName) {
        return directory.isEmpty() ? fileName : directory + "/" + fileName;
    }

    // ---- actions

    /** One crawl chunk exactly as {@link CrawlWriter#write} records it. */
    CrawlDelta crawl(String source, long runId, NewArtifact... files) {
        CrawlDelta delta = artifacts.compare(source, List.of(files));
        Map<ReleaseKey, Long> ids = releases.attach(source, delta.attachedReleases(), delta.releasesLosingMembers());
        artifacts.record(source, runId, delta, ids);
        return delta;
    }

    CrawlDelta crawl(long runId, NewArtifact... files) {
        return crawl(SOURCE, runId, files);
    }

    /** Hashes every PENDING row of {@code source} with a digest derived from its path. */
    void hashAll(String source, long runId) {
        List<HashOutcome> outcomes = artifacts.nextPending(source, 0, 10_000).stream()
                .map(p -> HashOutcome.hashed(p, sha(p.path()), p.stamp())).toList();
        artifacts.recordHashed(runId, outcomes);
    }

    static String sha(String seed) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- rows

    Map<String, Object> artifact(String path) {
        return artifact(SOURCE, path);
    }

    Map<String, Object> artifact(String source, String path) {
        return jdbc.queryForMap("SELECT * FROM artifact WHERE source = ? AND path = ?", source, path);
    }

    long artifactId(String path) {
        return jdbc.queryForObject("SELECT id FROM artifact WHERE source = ? AND path = ?", Long.class, SOURCE, path);
    }

    Map<String, Object> release(long id) {
        return jdbc.queryForMap("SELECT * FROM release_set WHERE id = ?", id);
    }

    long releaseId(ReleaseKey key) {
        return releaseId(SOURCE, key);
    }

    long releaseId(String source, ReleaseKey key) {
        return jdbc.queryForObject("SELECT id FROM release_set WHERE source = ? AND directory = ? AND project = ? "
                + "AND version = ?", Long.class, source, key.directory(), key.project(), key.version());
    }

    String releaseState(long id) {
        return jdbc.queryForObject("SELECT state FROM release_set WHERE id = ?", String.class, id);
    }

    void setReleaseState(long id, ReleaseState state) {
        jdbc.update("UPDATE release_set SET state = ? WHERE id = ?", state.name(), id);
    }

    /** A WRITTEN release with its sums path and digest, created directly (no members). */
    long writtenRelease(String source, ReleaseKey key, String sumsSha256) {
        jdbc.update("INSERT INTO release_set (source, directory, project, version, state, sums_path, sums_sha256) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", source, key.directory(), key.project(), key.version(),
                ReleaseState.WRITTEN.name(), key.sumsPath(), sumsSha256);
        return releaseId(source, key);
    }

    /** Every row of a table, in id order: for "changes nothing" assertions. */
    List<Map<String, Object>> rows(String table) {
        return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY id");
    }
}
