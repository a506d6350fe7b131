package dev.sumlog.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.CatalogTotals.Group;
import dev.sumlog.catalog.CatalogTotals.StateCount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** status sums its per-run and per-archive figures from the groups of one scan per table. */
class CatalogTotalsTest {

    private static final String A = "https://a.example/";
    private static final String B = "https://b.example/";

    private final CatalogTotals totals = new CatalogTotals(
            List.of(new Group(A, "HASHED", 1L, 10, 1000), new Group(A, "HASHED", 2L, 3, 300),
                    new Group(A, "FAILED", 2L, 2, 0), new Group(A, "PENDING", null, 4, 40),
                    new Group(B, "HASHED", 2L, 5, 5)),
            List.of(new Group(A, "WRITTEN", 1L, 6, 0), new Group(A, "WRITTEN", 2L, 1, 0),
                    new Group(A, "PENDING", null, 2, 0), new Group(B, "WRITTEN", 2L, 5, 0)));

    @Test
    void perRunFiguresAddUpEveryArchiveOfThatRunOnly() {
        assertThat(totals.bytesHashed(1)).isEqualTo(1000);
        assertThat(totals.bytesHashed(2)).isEqualTo(305);
        assertThat(totals.filesIn(ArtifactState.FAILED, 2)).isEqualTo(2);
        assertThat(totals.filesIn(ArtifactState.FAILED, 1)).isZero();
        assertThat(totals.releasesIn(ReleaseState.WRITTEN, 2)).isEqualTo(6);
        assertThat(totals.bytesHashed(3)).isZero();
    }

    @Test
    void perArchiveFiguresMergeRunsAndSortStates() {
        assertThat(totals.archives()).containsExactly(A, B);
        assertThat(totals.filesByState(A)).containsExactly(new StateCount("FAILED", 2, 0),
                new StateCount("HASHED", 13, 1300), new StateCount("PENDING", 4, 40));
        assertThat(totals.releasesByState(A)).containsExactly(new StateCount("PENDING", 2, 0),
                new StateCount("WRITTEN", 7, 0));
        assertThat(totals.files(A, ArtifactState.PENDING)).isEqualTo(4);
        assertThat(totals.files(B, ArtifactState.PENDING)).isZero();
    }

    @Test
    void anEmptyCatalogHasNoArchives() {
        assertThat(new CatalogTotals(List.of(), List.of()).archives()).isEmpty();
    }
}
