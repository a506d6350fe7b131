package dev.sumlog.catalog;

import static dev.sumlog.catalog.TestCatalog.SOURCE;
import static dev.sumlog.catalog.TestCatalog.member;
import static dev.sumlog.catalog.TestCatalog.mutable;
import static dev.sumlog.catalog.TestCatalog.sha;
import static dev.sumlog.catalog.TestCatalog.sidecar;
import static dev.sumlog.catalog.TestCatalog.stamp;
import static dev.sumlog.catalog.TestCatalog.unclassified;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.release.ReleaseKey;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProblemRepositoryTest {

    private static final ReleaseKey FOO = new ReleaseKey("", "foo", "1.0");
    private static final ReleaseKey LONE = new ReleaseKey("", "lone", "3.0");
    private static final ReleaseKey DIR = new ReleaseKey("images/cirros", "cirros", "");

    private final TestCatalog catalog = TestCatalog.create();
    private final ProblemRepository problems = new ProblemRepository(catalog.jdbc);

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void reportedInRunListsSkippedInputsAndNoticesInPathOrder() {
        catalog.crawl(1, member(FOO, "foo-1.0.tar.gz", stamp(1)), member(FOO, "foo-1.0-py3-none-any.whl", stamp(2)),
                sidecar(LONE, "lone-3.0.tar.gz.asc", stamp(3)), member(DIR, "cirros.img", stamp(4)),
                unclassified("misc/notes.txt", stamp(5), "no version"), mutable("index.yaml", stamp(6)));
        problems.record(1, SOURCE, List.of(new Problem("loop", "symbolic link loop", true)));
        problems.record(0, SOURCE, List.of(new Problem("earlier-run", "not this run", true)));
        List<PendingArtifact> pending = catalog.artifacts.nextPending(SOURCE, 0, 100);
        catalog.artifacts.recordHashed(1, pending.stream().map(p -> p.path().equals("foo-1.0-py3-none-any.whl")
                ? HashOutcome.failed(p, "Permission denied") : HashOutcome.hashed(p, sha(p.path()), p.stamp())).toList());
        long foo = catalog.releaseId(FOO);
        long dir = catalog.releaseId(DIR);
        catalog.releases.recordWritten(1, List.of(WriteOutcome.blocked(foo, "unreadable: foo-1.0-py3-none-any.whl", 2),
                WriteOutcome.blocked(dir, "a file is in the way", 1)));

        List<Problem> reported = problems.reportedInRun(SOURCE, 1);

        assertThat(reported).containsExactly(
                new Problem("foo-1.0", "unreadable: foo-1.0-py3-none-any.whl", true),
                new Problem("foo-1.0-py3-none-any.whl", "Permission denied", true),
                new Problem("images/cirros/cirros", "a file is in the way", true),
                new Problem("lone-3.0.tar.gz.asc", "sidecar without its subject file", false),
                new Problem("loop", "symbolic link loop", true),
                new Problem("misc/notes.txt", "unclassified (no version); listed in its directory snapshot", false));
    }

    @Test
    void aLaterRunThatDidNotSeeTheFilesReportsOnlyItsOwnProblems() {
        catalog.crawl(1, unclassified("notes.txt", stamp(1), "no version"));
        catalog.hashAll(SOURCE, 1);
        problems.record(1, SOURCE, List.of(new Problem("fifo", "not a regular file", true)));

        assertThat(problems.reportedInRun(SOURCE, 2)).isEmpty();
        assertThat(problems.reportedInRun(TestCatalog.OTHER_SOURCE, 1)).isEmpty();
    }
}
