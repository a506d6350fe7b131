package dev.sumlog.catalog;

import static dev.sumlog.catalog.TestCatalog.OTHER_SOURCE;
import static dev.sumlog.catalog.TestCatalog.SOURCE;
import static dev.sumlog.catalog.TestCatalog.member;
import static dev.sumlog.catalog.TestCatalog.mutable;
import static dev.sumlog.catalog.TestCatalog.sha;
import static dev.sumlog.catalog.TestCatalog.sidecar;
import static dev.sumlog.catalog.TestCatalog.stamp;
import static dev.sumlog.catalog.TestCatalog.unclassified;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.ArtifactRepository.UnreleasedFile;
import dev.sumlog.release.ReleaseKey;
import dev.sumlog.support.FileStamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArtifactRepositoryTest {

    private static final ReleaseKey FOO = new ReleaseKey("", "foo", "1.0");
    private static final ReleaseKey BAR = new ReleaseKey("pkgs", "bar", "2.0");

    private final TestCatalog catalog = TestCatalog.create();
    private final ArtifactRepository artifacts = catalog.artifacts;

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void compareSortsFreshUnchangedAndChangedByEveryStampFieldAndClassification() {
        FileStamp base = stamp(10);
        catalog.crawl(1, member(FOO, "same.tar.gz", base), member(FOO, "size.tar.gz", base),
                member(FOO, "mtime.tar.gz", base), member(FOO, "ctime.tar.gz", base),
                member(FOO, "inode.tar.gz", base), member(FOO, "kind.tar.gz", base));
        long foo = catalog.releaseId(FOO);

        NewArtifact same = member(FOO, "same.tar.gz", base);
        NewArtifact size = member(FOO, "size.tar.gz", new FileStamp(11, base.mtime(), base.ctimeNanos(), base.inode()));
        NewArtifact mtime = member(FOO, "mtime.tar.gz", new FileStamp(10, base.mtime() + 1, base.ctimeNanos(), base.inode()));
        NewArtifact ctime = member(FOO, "ctime.tar.gz", new FileStamp(10, base.mtime(), base.ctimeNanos() + 1, base.inode()));
        NewArtifact inode = member(FOO, "inode.tar.gz", new FileStamp(10, base.mtime(), base.ctimeNanos(), base.inode() + 1));
        NewArtifact kind = sidecar(FOO, "kind.tar.gz", base);
        NewArtifact fresh = member(FOO, "new.tar.gz", base);

        CrawlDelta delta = artifacts.compare(SOURCE, List.of(same, size, mtime, ctime, inode, kind, fresh));

        assertThat(delta.unchanged()).containsExactly(same);
        assertThat(delta.changed()).containsExactly(size, mtime, ctime, inode, kind);
        assertThat(delta.fresh()).containsExactly(fresh);
        assertThat(delta.releasesLosingMembers()).containsExactly(foo);
        assertThat(delta.attachedReleases()).containsExactly(FOO);
    }

    @Test
    void compareSeesAChangedReleaseOrNoteAsChanged() {
        catalog.crawl(1, member(FOO, "a.tar.gz", stamp(1)), unclassified("notes.txt", stamp(2), "no version"));

        NewArtifact otherRelease = member(new ReleaseKey("", "foo", "1.1"), "a.tar.gz", stamp(1));
        NewArtifact otherNote = unclassified("notes.txt", stamp(2), "another note");
        CrawlDelta delta = artifacts.compare(SOURCE, List.of(otherRelease, otherNote));

        assertThat(delta.changed()).containsExactly(otherRelease, otherNote);
        assertThat(delta.unchanged()).isEmpty();
    }

    @Test
    void compareRetriesFailedAndGoneRowsEvenWithTheSameStamp() {
        NewArtifact failing = member(FOO, "failing.tar.gz", stamp(1));
        NewArtifact vanishing = member(FOO, "vanishing.tar.gz", stamp(2));
        catalog.crawl(1, failing, vanishing);
        catalog.crawl(2, failing);
        artifacts.markUnseenGone(SOURCE, 2);
        PendingArtifact pending = artifacts.nextPending(SOURCE, 0, 10).get(0);
        artifacts.recordHashed(2, List.of(HashOutcome.failed(pending, "Permission denied")));
        assertThat(catalog.artifact("failing.tar.gz")).containsEntry("STATE", "FAILED");
        assertThat(catalog.artifact("vanishing.tar.gz")).containsEntry("STATE", "GONE");

        CrawlDelta delta = artifacts.compare(SOURCE, List.of(failing, vanishing));

        assertThat(delta.changed()).containsExactly(failing, vanishing);
        assertThat(delta.unchanged()).isEmpty();
        assertThat(delta.fresh()).isEmpty();
        // only the failed row is still attached; the gone one was detached
        assertThat(delta.releasesLosingMembers()).containsExactly(catalog.releaseId(FOO));
    }

    @Test
    void compareIsPerSource() {
        catalog.crawl(1, member(FOO, "a.tar.gz", stamp(1)));

        CrawlDelta delta = artifacts.compare(OTHER_SOURCE, List.of(member(FOO, "a.tar.gz", stamp(1))));

        assertThat(delta.fresh()).hasSize(1);
        assertThat(artifacts.compare(SOURCE, List.of()).fresh()).isEmpty();
    }

    @Test
    void recordInsertsFreshRowsPendingAndAttachedToTheGivenRelease() {
        FileStamp s = new FileStamp(42, 1234, 5678, 91);
        NewArtifact fresh = member(BAR, "bar-2.0.tar.gz", s);
        NewArtifact note = unclassified("pkgs/README", stamp(3), "no version");
        CrawlDelta delta = artifacts.compare(SOURCE, List.of(fresh, note));

        Map<ReleaseKey, Long> ids = new HashMap<>(); // what attach returns: a HashMap (null keys allowed)
        ids.put(BAR, 99L);

        artifacts.record(SOURCE, 7, delta, ids);

        assertThat(catalog.artifact("pkgs/bar-2.0.tar.gz")).containsEntry("STATE", "PENDING")
                .containsEntry("RELEASE_ID", 99L).containsEntry("SOURCE", SOURCE)
                .containsEntry("DIRECTORY", "pkgs").containsEntry("FILE_NAME", "bar-2.0.tar.gz")
                .containsEntry("SIZE", 42L).containsEntry("MTIME", 1234L).containsEntry("CTIME", 5678L)
                .containsEntry("INODE", 91L).containsEntry("KIND", "SUBJECT").containsEntry("PROJECT", "bar")
                .containsEntry("VERSION", "2.0").containsEntry("FIRST_SEEN_RUN", 7L).containsEntry("LAST_SEEN_RUN", 7L)
                .containsEntry("SHA256", null).containsEntry("HASHED_RUN", null);
        assertThat(catalog.artifact("pkgs/README")).containsEntry("STATE", "PENDING").containsEntry("RELEASE_ID", null)
                .containsEntry("KIND", "UNCLASSIFIED").containsEntry("PROJECT", null).containsEntry("VERSION", null)
                .containsEntry("NOTE", "no version").containsEntry("DIRECTORY", "pkgs");
    }

    @Test
    void recordPutsChangedRowsBackToPendingWithTheNewStampAndClearsTheFailure() {
        catalog.crawl(1, member(FOO, "a.tar.gz", stamp(1)), member(FOO, "b.tar.gz", stamp(2)));
        List<PendingArtifact> pending = artifacts.nextPending(SOURCE, 0, 10);
        artifacts.recordHashed(1, List.of(HashOutcome.hashed(pending.get(0), sha("a"), pending.get(0).stamp()),
                HashOutcome.failed(pending.get(1), "EIO")));
        ReleaseKey foo11 = new ReleaseKey("", "foo", "1.1");

        CrawlDelta delta = catalog.crawl(2, member(FOO, "a.tar.gz", stamp(5)), member(foo11, "b.tar.gz", stamp(2)));

        assertThat(delta.changed()).hasSize(2);
        assertThat(catalog.artifact("a.tar.gz")).containsEntry("STATE", "PENDING").containsEntry("SIZE", 5L)
                .containsEntry("INODE", stamp(5).inode()).containsEntry("FIRST_SEEN_RUN", 1L)
                .containsEntry("LAST_SEEN_RUN", 2L).containsEntry("RELEASE_ID", catalog.releaseId(FOO));
        assertThat(catalog.artifact("b.tar.gz")).containsEntry("STATE", "PENDING").containsEntry("FAILURE", null)
                .containsEntry("VERSION", "1.1").containsEntry("RELEASE_ID", catalog.releaseId(foo11));
    }

    @Test
    void recordOnlyMarksUnchangedRowsSeen() {
        NewArtifact a = member(FOO, "a.tar.gz", stamp(1));
        catalog.crawl(1, a);
        catalog.hashAll(SOURCE, 1);
        Map<String, Object> before = catalog.artifact("a.tar.gz");

        CrawlDelta delta = catalog.crawl(3, a);

        assertThat(delta.unchanged()).containsExactly(a);
        Map<String, Object> after = catalog.artifact("a.tar.gz");
        assertThat(after).containsEntry("LAST_SEEN_RUN", 3L).containsEntry("STATE", "HASHED")
                .containsEntry("SHA256", sha("a.tar.gz")).containsEntry("HASHED_RUN", 1L);
        before.remove("LAST_SEEN_RUN");
        after.remove("LAST_SEEN_RUN");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void nextPendingPagesInIdOrderStrictlyAfterTheIdWithALimit() {
        catalog.crawl(1, member(FOO, "a.tar.gz", stamp(1)), member(FOO, "b.tar.gz", stamp(2)),
                member(FOO, "c.tar.gz", stamp(3)), member(FOO, "d.tar.gz", stamp(4)), member(FOO, "e.tar.gz", stamp(5)));
        catalog.crawl(OTHER_SOURCE, 1, member(FOO, "x.tar.gz", stamp(9)));
        long a = catalog.artifactId("a.tar.gz");
        long c = catalog.artifactId("c.tar.gz");
        PendingArtifact b = artifacts.nextPending(SOURCE, a, 1).get(0);
        artifacts.recordHashed(1, List.of(HashOutcome.hashed(b, sha("b"), b.stamp())));

        List<PendingArtifact> first = artifacts.nextPending(SOURCE, 0, 2);
        List<PendingArtifact> next = artifacts.nextPending(SOURCE, first.get(1).id(), 2);
        List<PendingArtifact> last = artifacts.nextPending(SOURCE, next.get(1).id(), 2);

        assertThat(first).extracting(PendingArtifact::path).containsExactly("a.tar.gz", "c.tar.gz");
        assertThat(first.get(0)).isEqualTo(new PendingArtifact(a, "a.tar.gz", stamp(1), true, List.of()));
        assertThat(first.get(1).id()).isEqualTo(c);
        assertThat(next).extracting(PendingArtifact::path).containsExactly("d.tar.gz", "e.tar.gz");
        assertThat(last).isEmpty();
        assertThat(artifacts.nextPending(SOURCE, a - 1, 1)).extracting(PendingArtifact::id).containsExactly(a);
    }

    @Test
    void nextPendingInHashOrderGivesLargeFilesLargestFirstThenTheRestInIdOrderAcrossPages() {
        catalog.crawl(1, member(FOO, "small-a.tar.gz", stamp(5)), member(FOO, "large-b.tar.gz", stamp(100)),
                member(FOO, "small-c.tar.gz", stamp(99)), member(FOO, "large-d.tar.gz", stamp(200)),
                member(FOO, "large-e.tar.gz", stamp(100)), member(FOO, "small-f.tar.gz", stamp(1)),
                member(FOO, "hashed-g.tar.gz", stamp(300)), member(FOO, "hashed-h.tar.gz", stamp(2)));
        catalog.crawl(OTHER_SOURCE, 1, member(FOO, "other.tar.gz", stamp(500)));
        List<PendingArtifact> hashed = artifacts.nextPending(SOURCE, 0, 10).stream()
                .filter(p -> p.path().startsWith("hashed-")).toList();
        artifacts.recordHashed(1, hashed.stream().map(p -> HashOutcome.hashed(p, sha(p.path()), p.stamp())).toList());

        List<String> order = new ArrayList<>();
        long afterSize = Long.MAX_VALUE;
        long afterId = Long.MIN_VALUE;
        List<PendingArtifact> page;
        do {
            page = artifacts.nextPending(SOURCE, 100, afterSize, afterId, 2);
            assertThat(page.size()).isLessThanOrEqualTo(2);
            for (PendingArtifact p : page) {
                order.add(p.path());
                afterSize = p.stamp().size();
                afterId = p.id();
            }
        } while (!page.isEmpty());

        assertThat(order).containsExactly("large-d.tar.gz", "large-b.tar.gz", "large-e.tar.gz",
                "small-a.tar.gz", "small-c.tar.gz", "small-f.tar.gz");
    }

    @Test
    void recordHashedChangesOnlyPendingRowsSoAReplayCannotOverwriteANewerResult() {
        catalog.crawl(1, member(FOO, "a.tar.gz", stamp(1)), member(FOO, "b.tar.gz", stamp(2)));
        List<PendingArtifact> pending = artifacts.nextPending(SOURCE, 0, 10);
        PendingArtifact a = pending.get(0);
        PendingArtifact b = pending.get(1);
        FileStamp readStamp = new FileStamp(1, 77, 88, a.stamp().inode());

        artifacts.recordHashed(4, List.of(HashOutcome.hashed(a, sha("first"), readStamp), HashOutcome.failed(b, "EIO")));

        assertThat(catalog.artifact("a.tar.gz")).containsEntry("STATE", "HASHED").containsEntry("SHA256", sha("first"))
                .containsEntry("MTIME", 77L).containsEntry("CTIME", 88L).containsEntry("HASHED_RUN", 4L)
                .containsEntry("FAILURE", null);
        assertThat(catalog.artifact("b.tar.gz")).containsEntry("STATE", "FAILED").containsEntry("FAILURE", "EIO")
                .containsEntry("SHA256", null).containsEntry("HASHED_RUN", 4L);

        // a replay of an older outcome (other digest, other run) finds no PENDING row and changes nothing
        List<Map<String, Object>> before = catalog.rows("artifact");
        artifacts.recordHashed(3, List.of(HashOutcome.hashed(a, sha("stale"), a.stamp()),
                HashOutcome.hashed(b, sha("stale"), b.stamp())));
        assertThat(catalog.rows("artifact")).isEqualTo(before);
    }

    @Test
    void markUnseenGoneDetachesFilesTheRunDidNotSeeAndQueuesTheirReleases() {
        NewArtifact a = member(FOO, "a.tar.gz", stamp(1));
        NewArtifact b = member(FOO, "a.tar.gz.asc", stamp(2));
        NewArtifact c = member(BAR, "bar-2.0.tar.gz", stamp(3));
        NewArtifact loose = mutable("index.yaml", stamp(4));
        catalog.crawl(1, a, b, c, loose);
        catalog.crawl(OTHER_SOURCE, 1, b);
        catalog.hashAll(SOURCE, 1);
        long foo = catalog.releaseId(FOO);
        long bar = catalog.releaseId(BAR);
        catalog.setReleaseState(foo, ReleaseState.WRITTEN);
        catalog.setReleaseState(bar, ReleaseState.WRITTEN);

        catalog.crawl(2, a, c);
        int gone = artifacts.markUnseenGone(SOURCE, 2);

        assertThat(gone).isEqualTo(2);
        assertThat(catalog.artifact("a.tar.gz.asc")).containsEntry("STATE", "GONE").containsEntry("RELEASE_ID", null)
                .containsEntry("SHA256", sha("a.tar.gz.asc"));
        assertThat(catalog.artifact("index.yaml")).containsEntry("STATE", "GONE");
        assertThat(catalog.artifact("a.tar.gz")).containsEntry("STATE", "HASHED").containsEntry("RELEASE_ID", foo);
        assertThat(catalog.releaseState(foo)).isEqualTo("PENDING");
        assertThat(catalog.releaseState(bar)).isEqualTo("WRITTEN");
        assertThat(catalog.artifact(OTHER_SOURCE, "a.tar.gz.asc")).containsEntry("STATE", "PENDING");

        // idempotent: a second call finds nothing
        catalog.setReleaseState(foo, ReleaseState.WRITTEN);
        assertThat(artifacts.markUnseenGone(SOURCE, 2)).isZero();
        assertThat(catalog.releaseState(foo)).isEqualTo("WRITTEN");
    }

    @Test
    void pendingBacklogCountsPendingFilesAndBytesOfTheSource() {
        assertThat(artifacts.pendingBacklog(SOURCE)).isEqualTo(new Backlog(0, 0));
        catalog.crawl(1, member(FOO, "a.tar.gz", stamp(10)), member(FOO, "b.tar.gz", stamp(20)),
                member(FOO, "c.tar.gz", stamp(300)));
        catalog.crawl(OTHER_SOURCE, 1, member(FOO, "x.tar.gz", stamp(4000)));
        PendingArtifact a = artifacts.nextPending(SOURCE, 0, 1).get(0);
        artifacts.recordHashed(1, List.of(HashOutcome.hashed(a, sha("a"), a.stamp())));

        assertThat(artifacts.pendingBacklog(SOURCE)).isEqualTo(new Backlog(2, 320));
    }

    @Test
    void forEachUnreleasedStreamsHashedFilesOfNoReleaseByDirectory() {
        catalog.crawl(1, unclassified("z/notes.txt", stamp(1), "no version"), mutable("a/index.yaml", stamp(2)),
                member(FOO, "foo-1.0.tar.gz", stamp(3)), mutable("root-latest.tar.gz", stamp(4)));
        catalog.hashAll(SOURCE, 1);
        catalog.crawl(2, mutable("m/pending.yaml", stamp(5)));
        catalog.crawl(OTHER_SOURCE, 1, mutable("other.yaml", stamp(6)));
        catalog.hashAll(OTHER_SOURCE, 1);

        List<UnreleasedFile> seen = new ArrayList<>();
        artifacts.forEachUnreleased(SOURCE, seen::add);

        assertThat(seen).containsExactly(new UnreleasedFile("", "root-latest.tar.gz", sha("root-latest.tar.gz")),
                new UnreleasedFile("a", "index.yaml", sha("a/index.yaml")),
                new UnreleasedFile("z", "notes.txt", sha("z/notes.txt")));
    }
}
