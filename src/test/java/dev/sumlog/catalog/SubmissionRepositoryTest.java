package dev.sumlog.catalog;

import static dev.sumlog.catalog.TestCatalog.OTHER_SOURCE;
import static dev.sumlog.catalog.TestCatalog.SOURCE;
import static dev.sumlog.catalog.TestCatalog.sha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.OutputRepository.OutputFile;
import dev.sumlog.catalog.SubmissionRepository.LoggedRow;
import dev.sumlog.catalog.SubmissionRepository.NewSubmission;
import dev.sumlog.catalog.SubmissionRepository.Pending;
import dev.sumlog.catalog.SubmissionRepository.Receiptless;
import dev.sumlog.catalog.SubmissionRepository.Unlogged;
import dev.sumlog.catalog.SubmissionRepository.Unsubmitted;
import dev.sumlog.release.ReleaseKey;
import dev.sumlog.release.SumsFileNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmissionRepositoryTest {

    private static final String LOG = "log.example/a";
    private static final String OTHER_LOG = "log.example/b";

    private final TestCatalog catalog = TestCatalog.create();
    private final SubmissionRepository submissions = new SubmissionRepository(catalog.jdbc);

    @AfterEach
    void close() {
        catalog.close();
    }

    private static ReleaseKey key(String version) {
        return new ReleaseKey("pkgs", "foo", version);
    }

    @Test
    void unsubmittedSkipsReleasesWithThisContentSubmittedAndReleasesLoggedWithOtherContent() {
        long fresh = catalog.writtenRelease(SOURCE, key("1.0"), sha("1"));
        long sameContent = catalog.writtenRelease(SOURCE, key("2.0"), sha("2"));
        long otherLogOnly = catalog.writtenRelease(SOURCE, key("3.0"), sha("3"));
        long loggedOtherContent = catalog.writtenRelease(SOURCE, key("4.0"), sha("4"));
        long pendingOtherContent = catalog.writtenRelease(SOURCE, key("5.0"), sha("5"));
        long notWritten = catalog.writtenRelease(SOURCE, key("6.0"), sha("6"));
        catalog.setReleaseState(notWritten, ReleaseState.PENDING);
        catalog.writtenRelease(OTHER_SOURCE, key("1.0"), sha("1"));
        submissions.insert(List.of(new NewSubmission(sameContent, LOG, sha("2"), "e2"),
                new NewSubmission(otherLogOnly, OTHER_LOG, sha("3"), "e3"),
                new NewSubmission(loggedOtherContent, OTHER_LOG, sha("old 4"), "e4"),
                new NewSubmission(pendingOtherContent, LOG, sha("old 5"), "e5")));
        long logged4 = idOf(loggedOtherContent, sha("old 4"));
        submissions.recordLogged(List.of(new LoggedRow(logged4, 0, null)));

        List<Unsubmitted> page = submissions.unsubmitted(SOURCE, LOG, 0, 10);

        assertThat(page).extracting(Unsubmitted::releaseId).containsExactly(fresh, otherLogOnly, pendingOtherContent);
        assertThat(page.get(0)).isEqualTo(new Unsubmitted(fresh, key("1.0"), "pkgs/foo-1.0.SHA256SUMS", sha("1"), null));
        assertThat(submissions.unsubmitted(SOURCE, LOG, fresh, 1)).extracting(Unsubmitted::releaseId)
                .containsExactly(otherLogOnly);
        assertThat(submissions.unsubmitted(SOURCE, LOG, pendingOtherContent, 10)).isEmpty();
    }

    @Test
    void insertPersistsPendingEntriesThatNextPendingPagesThroughPerLogAndSource() {
        long r1 = catalog.writtenRelease(SOURCE, key("1.0"), sha("1"));
        long r2 = catalog.writtenRelease(SOURCE, key("2.0"), sha("2"));
        long r3 = catalog.writtenRelease(SOURCE, key("3.0"), sha("3"));
        long other = catalog.writtenRelease(OTHER_SOURCE, key("1.0"), sha("1"));
        submissions.insert(List.of(new NewSubmission(r1, LOG, sha("1"), "entry 1"),
                new NewSubmission(r2, LOG, sha("2"), "entry 2"), new NewSubmission(r3, OTHER_LOG, sha("3"), "entry 3"),
                new NewSubmission(other, LOG, sha("1"), "entry other"), new NewSubmission(r3, LOG, sha("3"), "entry 3")));

        Map<String, Object> row = catalog.jdbc.queryForMap("SELECT * FROM submission WHERE release_id = ?", r1);
        assertThat(row).containsEntry("STATE", "PENDING").containsEntry("ATTEMPTS", 0).containsEntry("LOG_ID", LOG)
                .containsEntry("SUMS_SHA256", sha("1")).containsEntry("ENTRY", "entry 1")
                .containsEntry("EXPECTED_INDEX", null).containsEntry("LOG_INDEX", null);

        List<Pending> first = submissions.nextPending(SOURCE, LOG, 0, 2);
        assertThat(first).containsExactly(new Pending(idOf(r1, sha("1")), "entry 1", null, "pkgs/foo-1.0.SHA256SUMS"),
                new Pending(idOf(r2, sha("2")), "entry 2", null, "pkgs/foo-2.0.SHA256SUMS"));
        assertThat(submissions.nextPending(SOURCE, LOG, first.get(1).id(), 2)).extracting(Pending::entry)
                .containsExactly("entry 3");
        assertThat(submissions.nextPending(SOURCE, OTHER_LOG, 0, 10)).extracting(Pending::entry)
                .containsExactly("entry 3");
        assertThat(submissions.countPending(SOURCE, LOG)).isEqualTo(3);
        assertThat(submissions.countPending(OTHER_SOURCE, LOG)).isEqualTo(1);
    }

    @Test
    void expectedIndexIsRecordedBeforeTheAppendAndSurvivesAFailure() {
        List<Pending> batch = pendingBatch(3);

        submissions.recordExpected(batch, 40);
        submissions.recordFailure(batch.subList(0, 2), "HTTP 503");

        assertThat(submissions.nextPending(SOURCE, LOG, 0, 10)).extracting(Pending::expectedIndex)
                .containsExactly(40L, 41L, 42L);
        assertThat(column(batch.get(0).id(), "LAST_ERROR")).isEqualTo("HTTP 503");
        assertThat(column(batch.get(2).id(), "LAST_ERROR")).isNull();
        assertThat(column(batch.get(0).id(), "ATTEMPTS")).isEqualTo(1);
        assertThat(column(batch.get(0).id(), "STATE")).isEqualTo("PENDING");

        submissions.recordExpected(batch.subList(0, 1), 50);
        assertThat(column(batch.get(0).id(), "ATTEMPTS")).isEqualTo(2);
        assertThat(column(batch.get(0).id(), "EXPECTED_INDEX")).isEqualTo(50L);
    }

    @Test
    void recordLoggedMovesToLoggedWithIndexAndReceiptAndClearsTheError() {
        List<Pending> batch = pendingBatch(2);
        submissions.recordExpected(batch, 7);
        submissions.recordFailure(batch, "timeout");

        submissions.recordLogged(List.of(new LoggedRow(batch.get(0).id(), 7, "pkgs/foo-1.0.SHA256SUMS.tlog-proof"),
                new LoggedRow(batch.get(1).id(), 8, null)));

        assertThat(catalog.jdbc.queryForMap("SELECT * FROM submission WHERE id = ?", batch.get(0).id()))
                .containsEntry("STATE", "LOGGED").containsEntry("LOG_INDEX", 7L).containsEntry("LAST_ERROR", null)
                .containsEntry("RECEIPT_PATH", "pkgs/foo-1.0.SHA256SUMS.tlog-proof").containsEntry("EXPECTED_INDEX", 7L);
        assertThat(column(batch.get(1).id(), "RECEIPT_PATH")).isNull();
        assertThat(column(batch.get(1).id(), "STATE")).isEqualTo("LOGGED");
        assertThat(submissions.countPending(SOURCE, LOG)).isZero();
        assertThat(submissions.nextPending(SOURCE, LOG, 0, 10)).isEmpty();
    }

    @Test
    void stillPendingNamesEachUnloggedReleaseWithItsLastError() {
        List<Pending> batch = pendingBatch(3);
        submissions.recordFailure(batch.subList(1, 2), "HTTP 429");
        submissions.recordLogged(List.of(new LoggedRow(batch.get(2).id(), 0, null)));

        assertThat(submissions.stillPending(SOURCE, LOG, 10)).containsExactly(
                new Unlogged("pkgs/foo-1.0.SHA256SUMS", "not attempted"),
                new Unlogged("pkgs/foo-2.0.SHA256SUMS", "HTTP 429"));
        assertThat(submissions.stillPending(SOURCE, LOG, 1)).as("at most a page, in name order")
                .containsExactly(new Unlogged("pkgs/foo-1.0.SHA256SUMS", "not attempted"));
        assertThat(submissions.stillPending(SOURCE, OTHER_LOG, 10)).as("every log's, naming a log other than the main one")
                .containsExactly(new Unlogged("pkgs/foo-1.0.SHA256SUMS", "in " + LOG + ": not attempted"),
                        new Unlogged("pkgs/foo-2.0.SHA256SUMS", "in " + LOG + ": HTTP 429"));
        assertThat(submissions.countPending(SOURCE)).isEqualTo(2);
        assertThat(submissions.stillPending(SOURCE, LOG, 10).get(1)).hasToString("pkgs/foo-2.0.SHA256SUMS: HTTP 429");
    }

    @Test
    void loggedWithoutReceiptRespectsTheOutputRegistryOfThatOutRoot() {
        List<Pending> batch = pendingBatch(4);
        submissions.recordLogged(List.of(new LoggedRow(batch.get(0).id(), 10, "r"),
                new LoggedRow(batch.get(1).id(), 11, "r"), new LoggedRow(batch.get(2).id(), 12, null)));
        OutputRepository outputs = new OutputRepository(catalog.jdbc);
        String receipt1 = "pkgs/foo-1.0.SHA256SUMS" + SumsFileNames.RECEIPT_SUFFIX;
        String receipt2 = "pkgs/foo-2.0.SHA256SUMS" + SumsFileNames.RECEIPT_SUFFIX;
        outputs.record("/out", List.of(new OutputFile(receipt1, sha("r1")),
                new OutputFile("pkgs/foo-2.0.SHA256SUMS", sha("sums2")), new OutputFile("pkgs/foo-3.0.SHA256SUMS", sha("s3"))));
        outputs.record("/old-out", List.of(new OutputFile(receipt2, sha("r2")),
                new OutputFile("pkgs/foo-1.0.SHA256SUMS", sha("s1")), new OutputFile("pkgs/foo-3.0.SHA256SUMS", sha("s3"))));

        List<Receiptless> missing = submissions.loggedWithoutReceipt(SOURCE, LOG, "/out", 0, 10);

        assertThat(missing).containsExactly(
                new Receiptless(batch.get(1).id(), "entry 2.0", 11, "pkgs/foo-2.0.SHA256SUMS"),
                new Receiptless(batch.get(2).id(), "entry 3.0", 12, "pkgs/foo-3.0.SHA256SUMS"));
        assertThat(submissions.loggedWithoutReceipt(SOURCE, LOG, "/out", batch.get(1).id(), 10))
                .extracting(Receiptless::id).containsExactly(batch.get(2).id());
        assertThat(submissions.loggedWithoutReceipt(SOURCE, LOG, "/out", 0, 1)).hasSize(1);
        assertThat(submissions.loggedWithoutReceipt(SOURCE, LOG, "/old-out", 0, 10)).extracting(Receiptless::id)
                .containsExactly(batch.get(0).id(), batch.get(2).id());
        assertThat(submissions.loggedWithoutReceipt(SOURCE, OTHER_LOG, "/out", 0, 10)).isEmpty();
        // A receipt is only ever restored beside a sums file sumlog wrote in that tree.
        assertThat(submissions.loggedWithoutReceipt(SOURCE, LOG, "/no-sums-here", 0, 10)).isEmpty();
    }

    /** {@code n} written releases foo-1.0 .. foo-n.0 with a PENDING submission each, in id order. */
    private List<Pending> pendingBatch(int n) {
        for (int i = 1; i <= n; i++) {
            long release = catalog.writtenRelease(SOURCE, key(i + ".0"), sha(i + ""));
            submissions.insert(List.of(new NewSubmission(release, LOG, sha(i + ""), "entry " + i + ".0")));
        }
        List<Pending> batch = submissions.nextPending(SOURCE, LOG, 0, 100);
        assertThat(batch).hasSize(n);
        return batch;
    }

    private long idOf(long releaseId, String sumsSha256) {
        return catalog.jdbc.queryForObject("SELECT id FROM submission WHERE release_id = ? AND sums_sha256 = ?",
                Long.class, releaseId, sumsSha256);
    }

    private Object column(long submissionId, String column) {
        return catalog.jdbc.queryForMap("SELECT * FROM submission WHERE id = ?", submissionId).get(column);
    }
}
