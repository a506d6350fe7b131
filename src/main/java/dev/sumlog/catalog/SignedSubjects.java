package dev.sumlog.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Subjects and their detached signature files ({@code x.tar.gz} and {@code x.tar.gz.asc}) in the
 * artifact table, for a job that checks signatures: which signature files a subject has when it is
 * read, and which subjects must be read again because their signature file came, changed or went
 * (their signature result was made with another file). Every write runs in the calling step's
 * transaction.
 */
@Repository
public class SignedSubjects {

    /** Detached OpenPGP signature files, in the order they are preferred. */
    public static final List<String> SIGNATURE_SUFFIXES = List.of(".asc", ".sig");

    private final JdbcTemplate jdbc;

    public SignedSubjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For a job that checks signatures: a subject whose signature file is new or changed in this
     * recorded chunk is read again, since its signature result was made with the old file (or none).
     * Rows still PENDING are read anyway. Runs in the crawl chunk's transaction.
     */
    public void requeueNewlySigned(String source, CrawlDelta delta) {
        List<String> subjects = new ArrayList<>();
        for (List<NewArtifact> files : List.of(delta.fresh(), delta.changed())) {
            files.stream().map(NewArtifact::path).map(SignedSubjects::signedPath).filter(p -> p != null)
                    .forEach(subjects::add);
        }
        if (subjects.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(subjects.size() + 4);
        args.add(ArtifactState.PENDING.name());
        args.add(source);
        args.add(ArtifactState.HASHED.name());
        args.add(ArtifactState.FAILED.name());
        args.addAll(subjects);
        jdbc.update("UPDATE artifact SET state = ? WHERE source = ? AND state IN (?, ?) AND path IN ("
                + Sql.marks(subjects.size()) + ")", args.toArray());
    }

    /** The artifact a detached signature file signs ({@code x.tar.gz} for {@code x.tar.gz.asc}), else null. */
    static String signedPath(String path) {
        for (String suffix : SIGNATURE_SUFFIXES) {
            if (path.endsWith(suffix) && path.length() > suffix.length()) {
                return path.substring(0, path.length() - suffix.length());
            }
        }
        return null;
    }

    /**
     * For a job that checks signatures, before {@link ArtifactRepository#markUnseenGone}: a subject whose signature file
     * the finished crawl of {@code runId} did not see is read again, as its result needed that file.
     * Both suffixes are four characters, which the SQL relies on.
     */
    public void requeueUnsigned(String source, long runId) {
        jdbc.update("""
                UPDATE artifact SET state = ? WHERE source = ? AND state = ? AND path IN (
                  SELECT SUBSTRING(path, 1, LENGTH(path) - 4) FROM artifact WHERE source = ? AND last_seen_run < ?
                    AND state <> ? AND (path LIKE '%.asc' OR path LIKE '%.sig'))""",
                ArtifactState.PENDING.name(), source, ArtifactState.HASHED.name(), source, runId,
                ArtifactState.GONE.name());
    }

    /**
     * The page with each subject's signature files filled in: the live {@code .asc} and {@code .sig}
     * rows beside it, {@code .asc} first. One query per page.
     */
    public List<PendingArtifact> withSignatureFiles(String source, List<PendingArtifact> page) {
        List<String> candidates = new ArrayList<>();
        page.stream().filter(PendingArtifact::subject).forEach(a -> SIGNATURE_SUFFIXES.forEach(s -> candidates.add(a.path() + s)));
        if (candidates.isEmpty()) {
            return page;
        }
        List<Object> args = new ArrayList<>(candidates.size() + 2);
        args.add(source);
        args.add(ArtifactState.GONE.name());
        args.addAll(candidates);
        Set<String> present = new HashSet<>(jdbc.queryForList("SELECT path FROM artifact WHERE source = ? AND state <> ? "
                + "AND path IN (" + Sql.marks(candidates.size()) + ")", String.class, args.toArray()));
        return page.stream().map(a -> !a.subject() ? a : a.withSignatures(SIGNATURE_SUFFIXES.stream()
                .map(s -> a.path() + s).filter(present::contains).toList())).toList();
    }
}
