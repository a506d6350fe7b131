package dev.sumlog.catalog;

import static dev.sumlog.catalog.TestCatalog.SOURCE;
import static dev.sumlog.catalog.TestCatalog.member;
import static dev.sumlog.catalog.TestCatalog.sidecar;
import static dev.sumlog.catalog.TestCatalog.stamp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.release.ReleaseKey;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subjects and their signature files on a migrated in-memory catalog: which are read again, and when. */
class SignedSubjectsTest {

    private static final ReleaseKey FOO = new ReleaseKey("", "foo", "1.0");

    private final TestCatalog catalog = TestCatalog.create();
    private final ArtifactRepository artifacts = catalog.artifacts;
    private final SignedSubjects signed = new SignedSubjects(catalog.jdbc);

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void aSubjectIsReadAgainWhenItsSignatureFileIsNewChangedOrGone() {
        catalog.crawl(1, member(FOO, "a.tar.gz", stamp(1)), member(FOO, "b.tar.gz", stamp(2)),
                member(FOO, "c.tar.gz", stamp(3)), sidecar(FOO, "b.tar.gz.asc", stamp(4)), sidecar(FOO, "c.tar.gz.sig", stamp(5)));
        catalog.hashAll(SOURCE, 1);
        assertThat(catalog.artifact("a.tar.gz")).containsEntry("STATE", "HASHED");

        // run 2: a gains a signature, b's changes, c's is not seen (gone); the sidecars' own stamps decide
        CrawlDelta delta = catalog.crawl(2, member(FOO, "a.tar.gz", stamp(1)), member(FOO, "b.tar.gz", stamp(2)),
                member(FOO, "c.tar.gz", stamp(3)), sidecar(FOO, "a.tar.gz.asc", stamp(6)), sidecar(FOO, "b.tar.gz.asc", stamp(7)));
        assertThat(catalog.artifact("a.tar.gz")).as("only a job that checks signatures").containsEntry("STATE", "HASHED");
        signed.requeueNewlySigned(SOURCE, delta);
        assertThat(catalog.artifact("a.tar.gz")).containsEntry("STATE", "PENDING");
        assertThat(catalog.artifact("b.tar.gz")).containsEntry("STATE", "PENDING");
        assertThat(catalog.artifact("c.tar.gz")).containsEntry("STATE", "HASHED");
        signed.requeueUnsigned(SOURCE, 2);
        artifacts.markUnseenGone(SOURCE, 2);
        assertThat(catalog.artifact("c.tar.gz")).containsEntry("STATE", "PENDING");
        assertThat(catalog.artifact("c.tar.gz.sig")).containsEntry("STATE", "GONE");

        List<PendingArtifact> page = signed
                .withSignatureFiles(SOURCE, artifacts.nextPending(SOURCE, 0, 10));
        assertThat(page).filteredOn(p -> p.path().equals("a.tar.gz")).singleElement()
                .satisfies(p -> assertThat(p.signatures()).containsExactly("a.tar.gz.asc"));
        assertThat(page).filteredOn(p -> p.path().equals("c.tar.gz")).singleElement()
                .satisfies(p -> assertThat(p.signatures()).as("its signature is gone").isEmpty());
    }

    @Test
    void onlySignatureSuffixesNameASignedFile() {
        assertThat(SignedSubjects.signedPath("a/x-1.0.tar.gz.asc")).isEqualTo("a/x-1.0.tar.gz");
        assertThat(SignedSubjects.signedPath("x-1.0.whl.sig")).isEqualTo("x-1.0.whl");
        assertThat(SignedSubjects.signedPath("x-1.0.tar.gz.sha256")).isNull();
        assertThat(SignedSubjects.signedPath(".asc")).isNull();
    }
}
