package dev.sumlog.catalog;

import static dev.sumlog.catalog.TestCatalog.OTHER_SOURCE;
import static dev.sumlog.catalog.TestCatalog.SOURCE;
import static dev.sumlog.catalog.TestCatalog.member;
import static dev.sumlog.catalog.TestCatalog.sha;
import static dev.sumlog.catalog.TestCatalog.sidecar;
import static dev.sumlog.catalog.TestCatalog.stamp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.ReleaseRow.Member;
import dev.sumlog.catalog.ReleaseRepository.NamedRelease;
import dev.sumlog.release.ReleaseKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReleaseRepositoryTest {

    private static final ReleaseKey FOO = new ReleaseKey("", "foo", "1.0");
    private static final ReleaseKey FOO2 = new ReleaseKey("", "foo", "2.0");
    private static final ReleaseKey BAR = new ReleaseKey("pkgs", "bar", "2.0");
    private static final ReleaseKey DIR = new ReleaseKey("images/cirros", "cirros", "");

    private final TestCatalog catalog = TestCatalog.create();
    private final ReleaseRepository releases = catalog.releases;

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void attachCreatesMissingReleasesReturnsTheirIdsAndMarksEveryDirtyOnePending() {
        long foo = releases.attach(SOURCE, Set.of(FOO), Set.of()).get(FOO);
        long bar = releases.attach(SOURCE, Set.of(BAR), Set.of()).get(BAR);
        releases.attach(OTHER_SOURCE, Set.of(FOO), Set.of());
        catalog.setReleaseState(foo, ReleaseState.WRITTEN);
        catalog.setReleaseState(bar, ReleaseState.WRITTEN);

        Map<ReleaseKey, Long> ids = releases.attach(SOURCE, Set.of(FOO, FOO2, DIR), Set.of(bar));

        assertThat(ids).containsOnlyKeys(FOO, FOO2, DIR).containsEntry(FOO, foo);
        assertThat(ids.get(FOO2)).isEqualTo(catalog.releaseId(FOO2));
        assertThat(ids.get(DIR)).isEqualTo(catalog.releaseId(DIR));
        assertThat(catalog.release(ids.get(DIR))).containsEntry("STATE", "PENDING").containsEntry("SOURCE", SOURCE)
                .containsEntry("DIRECTORY", "images/cirros").containsEntry("PROJECT", "cirros").containsEntry("VERSION", "");
        assertThat(catalog.releaseState(foo)).isEqualTo("PENDING");
        assertThat(catalog.releaseState(bar)).isEqualTo("PENDING");
        assertThat(catalog.jdbc.queryForObject("SELECT COUNT(*) FROM release_set WHERE source = ?", Integer.class, SOURCE))
                .isEqualTo(4);
        // same keys again: same ids, no new rows
        assertThat(releases.attach(SOURCE, Set.of(FOO, FOO2, DIR), Set.of())).isEqualTo(ids);
        assertThat(catalog.jdbc.queryForObject("SELECT COUNT(*) FROM release_set", Integer.class)).isEqualTo(5);
        assertThat(releases.attach(SOURCE, Set.of(), Set.of())).isEmpty();
    }

    @Test
    void groupRepairsDetachedMembersIdempotently() {
        // fresh members recorded without release ids: as if the crawl had died between attach and record
        catalog.artifacts.record(SOURCE, 1, catalog.artifacts.compare(SOURCE, List.of(
                member(FOO, "foo-1.0.tar.gz", stamp(1)), sidecar(FOO, "foo-1.0.tar.gz.asc", stamp(2)),
                member(BAR, "bar-2.0.tar.gz", stamp(3)))), new HashMap<>());
        long bar = releases.attach(SOURCE, Set.of(BAR), Set.of()).get(BAR);
        catalog.setReleaseState(bar, ReleaseState.WRITTEN);
        // a gone, detached member names a release that must not be created
        catalog.artifacts.record(SOURCE, 1, catalog.artifacts.compare(SOURCE, List.of(
                member(FOO2, "foo-2.0.tar.gz", stamp(4)))), new HashMap<>());
        catalog.jdbc.update("UPDATE artifact SET state = 'GONE' WHERE path = 'foo-2.0.tar.gz'");

        int pending = releases.group(SOURCE);

        long foo = catalog.releaseId(FOO);
        assertThat(pending).isEqualTo(2);
        assertThat(catalog.releaseState(foo)).isEqualTo("PENDING");
        assertThat(catalog.releaseState(bar)).isEqualTo("PENDING");
        assertThat(catalog.artifact("foo-1.0.tar.gz")).containsEntry("RELEASE_ID", foo);
        assertThat(catalog.artifact("foo-1.0.tar.gz.asc")).containsEntry("RELEASE_ID", foo);
        assertThat(catalog.artifact("pkgs/bar-2.0.tar.gz")).containsEntry("RELEASE_ID", bar);
        assertThat(catalog.artifact("foo-2.0.tar.gz")).containsEntry("RELEASE_ID", null);
        assertThat(catalog.jdbc.queryForObject("SELECT COUNT(*) FROM release_set WHERE project = 'foo' AND version = '2.0'",
                Integer.class)).isZero();

        // a second call changes nothing, even after the releases were written
        catalog.setReleaseState(foo, ReleaseState.WRITTEN);
        catalog.setReleaseState(bar, ReleaseState.WRITTEN);
        List<Map<String, Object>> releasesBefore = catalog.rows("release_set");
        List<Map<String, Object>> artifactsBefore = catalog.rows("artifact");
        assertThat(releases.group(SOURCE)).isZero();
        assertThat(catalog.rows("release_set")).isEqualTo(releasesBefore);
        assertThat(catalog.rows("artifact")).isEqualTo(artifactsBefore);
    }

    @Test
    void retryBlockedQueuesOnlyBlockedReleasesOfTheSource() {
        long blocked = catalog.writtenRelease(SOURCE, FOO, sha("x"));
        long written = catalog.writtenRelease(SOURCE, FOO2, sha("y"));
        long otherBlocked = catalog.writtenRelease(OTHER_SOURCE, FOO, sha("x"));
        catalog.setReleaseState(blocked, ReleaseState.BLOCKED);
        catalog.setReleaseState(otherBlocked, ReleaseState.BLOCKED);

        assertThat(releases.retryBlocked(SOURCE)).isEqualTo(1);

        assertThat(catalog.releaseState(blocked)).isEqualTo("PENDING");
        assertThat(catalog.releaseState(written)).isEqualTo("WRITTEN");
        assertThat(catalog.releaseState(otherBlocked)).isEqualTo("BLOCKED");
        assertThat(releases.countPending(SOURCE)).isEqualTo(1);
    }

    @Test
    void markMissingFromQueuesWrittenReleasesWhoseSumsTheOutRootDoesNotHold() {
        long registered = catalog.writtenRelease(SOURCE, FOO, sha("a"));
        long elsewhere = catalog.writtenRelease(SOURCE, FOO2, sha("b"));
        long blocked = catalog.writtenRelease(SOURCE, BAR, sha("c"));
        catalog.setReleaseState(blocked, ReleaseState.BLOCKED);
        OutputRepository outputs = new OutputRepository(catalog.jdbc);
        outputs.record("/out", List.of(new OutputRepository.OutputFile(FOO.sumsPath(), sha("a"))));
        outputs.record("/old-out", List.of(new OutputRepository.OutputFile(FOO2.sumsPath(), sha("b"))));

        assertThat(releases.markMissingFrom(SOURCE, "/out")).isEqualTo(1);

        assertThat(catalog.releaseState(registered)).isEqualTo("WRITTEN");
        assertThat(catalog.releaseState(elsewhere)).isEqualTo("PENDING");
        assertThat(catalog.releaseState(blocked)).isEqualTo("BLOCKED");
        assertThat(releases.markMissingFrom(SOURCE, "/out")).isZero();
        catalog.setReleaseState(elsewhere, ReleaseState.WRITTEN);
        assertThat(releases.markMissingFrom(SOURCE, "/old-out")).isEqualTo(1);
        assertThat(catalog.releaseState(registered)).isEqualTo("PENDING");
    }

    @Test
    void nextPendingListsLiveMembersAndTheDigestALoggedSubmissionHolds() {
        catalog.crawl(1, member(FOO, "foo-1.0.tar.gz", stamp(1)), sidecar(FOO, "foo-1.0.tar.gz.asc", stamp(2)),
                member(FOO, "foo-1.0-py3-none-any.whl", stamp(3)), member(FOO2, "foo-2.0.tar.gz", stamp(4)),
                member(BAR, "bar-2.0.tar.gz", stamp(5)));
        catalog.hashAll(SOURCE, 1);
        catalog.crawl(2, member(FOO, "foo-1.0.tar.gz", stamp(1)), member(FOO, "foo-1.0-py3-none-any.whl", stamp(3)),
                member(FOO2, "foo-2.0.tar.gz", stamp(4)), member(BAR, "bar-2.0.tar.gz", stamp(5)));
        catalog.artifacts.markUnseenGone(SOURCE, 2);
        long foo = catalog.releaseId(FOO);
        long foo2 = catalog.releaseId(FOO2);
        long bar = catalog.releaseId(BAR);
        catalog.setReleaseState(foo2, ReleaseState.WRITTEN);
        insertSubmission(foo, "PENDING", sha("pending"));
        insertSubmission(foo, "LOGGED", sha("logged"));
        insertSubmission(bar, "PENDING", sha("bar pending"));

        List<ReleaseRow> page = releases.nextPending(SOURCE, 0, 10);

        // id order (the crawl creates a chunk's releases in set order, so either may come first)
        long first = Math.min(foo, bar);
        long second = Math.max(foo, bar);
        assertThat(page).extracting(ReleaseRow::id).containsExactly(first, second);
        ReleaseRow row = page.stream().filter(r -> r.id() == foo).findFirst().orElseThrow();
        assertThat(row.key()).isEqualTo(FOO);
        assertThat(row.loggedSha256()).isEqualTo(sha("logged"));
        assertThat(row.members()).containsExactly(
                new Member("foo-1.0-py3-none-any.whl", ArtifactState.HASHED, sha("foo-1.0-py3-none-any.whl"), null),
                new Member("foo-1.0.tar.gz", ArtifactState.HASHED, sha("foo-1.0.tar.gz"), null));
        ReleaseRow barRow = page.stream().filter(r -> r.id() == bar).findFirst().orElseThrow();
        assertThat(barRow.loggedSha256()).isNull();
        assertThat(barRow.members()).extracting(Member::fileName).containsExactly("bar-2.0.tar.gz");
        assertThat(releases.nextPending(SOURCE, 0, 1)).extracting(ReleaseRow::id).containsExactly(first);
        assertThat(releases.nextPending(SOURCE, first, 1)).extracting(ReleaseRow::id).containsExactly(second);
        assertThat(releases.nextPending(SOURCE, second, 10)).isEmpty();
        assertThat(releases.nextPending(OTHER_SOURCE, 0, 10)).isEmpty();
    }

    @Test
    void nextPendingGivesAReleaseWithoutLiveMembersAnEmptyList() {
        catalog.crawl(1, member(FOO, "foo-1.0.tar.gz", stamp(1)));
        catalog.artifacts.markUnseenGone(SOURCE, 2);

        assertThat(releases.nextPending(SOURCE, 0, 10)).containsExactly(
                new ReleaseRow(catalog.releaseId(FOO), FOO, List.of(), null));
    }

    @Test
    void recordWrittenStoresEachOutcome() {
        long foo = catalog.releases.attach(SOURCE, Set.of(FOO), Set.of()).get(FOO);
        long bar = catalog.releases.attach(SOURCE, Set.of(BAR), Set.of()).get(BAR);
        long dir = catalog.releases.attach(SOURCE, Set.of(DIR), Set.of()).get(DIR);

        releases.recordWritten(5, List.of(WriteOutcome.written(foo, FOO.sumsPath(), sha("sums"), "rget-foo", 3),
                WriteOutcome.blocked(bar, "bar-2.0.tar.gz: EIO", 1), WriteOutcome.empty(dir)));

        assertThat(catalog.release(foo)).containsEntry("STATE", "WRITTEN").containsEntry("SUMS_PATH", "foo-1.0.SHA256SUMS")
                .containsEntry("SUMS_SHA256", sha("sums")).containsEntry("RGET_NAME", "rget-foo")
                .containsEntry("MEMBER_COUNT", 3).containsEntry("WRITTEN_RUN", 5L).containsEntry("BLOCKED_BY", null);
        assertThat(catalog.release(bar)).containsEntry("STATE", "BLOCKED").containsEntry("BLOCKED_BY", "bar-2.0.tar.gz: EIO")
                .containsEntry("SUMS_PATH", null).containsEntry("MEMBER_COUNT", 1);
        assertThat(catalog.release(dir)).containsEntry("STATE", "EMPTY").containsEntry("MEMBER_COUNT", 0);
        assertThat(releases.countPending(SOURCE)).isZero();
    }

    @Test
    void latestNamedNamesAPerDirectoryReleaseWithoutATrailingDash() {
        long foo = catalog.releases.attach(SOURCE, Set.of(FOO), Set.of()).get(FOO);
        long unnamed = catalog.releases.attach(SOURCE, Set.of(FOO2), Set.of()).get(FOO2);
        long dir = catalog.releases.attach(SOURCE, Set.of(DIR), Set.of()).get(DIR);
        releases.recordWritten(1, List.of(WriteOutcome.written(foo, FOO.sumsPath(), sha("1"), "r-foo", 1),
                WriteOutcome.written(dir, DIR.sumsPath(), sha("2"), "r-dir", 1)));
        assertThat(unnamed).isLessThan(dir);

        List<NamedRelease> named = releases.latestNamed(SOURCE, 10);

        assertThat(named).containsExactly(new NamedRelease(DIR, "r-dir"), new NamedRelease(FOO, "r-foo"));
        assertThat(named.get(0).key().displayName()).isEqualTo("images/cirros/cirros");
        assertThat(releases.latestNamed(SOURCE, 1)).containsExactly(new NamedRelease(DIR, "r-dir"));
        assertThat(releases.latestNamed(OTHER_SOURCE, 10)).isEmpty();
    }

    private void insertSubmission(long releaseId, String state, String sumsSha256) {
        catalog.jdbc.update("INSERT INTO submission (release_id, log_id, sums_sha256, entry, state, attempts) "
                + "VALUES (?, 'log', ?, 'entry', ?, 0)", releaseId, sumsSha256, state);
    }
}
