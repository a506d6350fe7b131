package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.Backlog;
import org.junit.jupiter.api.Test;

/** What a progress line says for each kind of step. */
class ProgressLineTest {

    @Test
    void theHashStepGivesFilesAndBytesOfTheBacklogBothRatesAndAnEtaByBytes() {
        assertThat(new ProgressLine("hash", 1200, 400_000_000, new Backlog(3000, 1_000_000_000), 5.0))
                .hasToString("hash: 1200 of 3000 files, 400.0 of 1000.0 MB read, 240 files/s, 80 MB/s, ETA 8 s");
    }

    @Test
    void theCrawlListsFilesWithTheirSizesButReadsNothingAndHasNoEta() {
        assertThat(new ProgressLine("crawl", 12_000, 3_400_000_000L, null, 5.0))
                .hasToString("crawl: 12000 files, 3400.0 MB listed, 2400 files/s");
    }

    @Test
    void stepsWithoutBytesGiveTheirItemsRateAndAnEtaByItems() {
        assertThat(new ProgressLine("writeSums", 512, 0, new Backlog(100_000, 0), 5.0))
                .hasToString("writeSums: 512 of 100000 releases, 102 releases/s, ETA 16 min 12 s");
        assertThat(new ProgressLine("submit-log1-rekor.sigstore.dev", 50, 0, new Backlog(1000, 0), 10.0))
                .hasToString("submit-log1-rekor.sigstore.dev: 50 of 1000 entries, 5 entries/s, ETA 3 min 10 s");
        assertThat(new ProgressLine("restoreReceipts", 256, 0, null, 2.0))
                .hasToString("restoreReceipts: 256 receipts, 128 receipts/s");
    }

    @Test
    void aStepThatHasDoneNothingYetHasNoEtaAndARateOfZero() {
        assertThat(new ProgressLine("submit", 0, 0, new Backlog(1024, 0), 30.0))
                .hasToString("submit: 0 of 1024 entries, 0 entries/s");
    }

    @Test
    void durationsReadAtAGlance() {
        assertThat(ProgressLine.duration(45.4)).isEqualTo("45 s");
        assertThat(ProgressLine.duration(119.6)).isEqualTo("2 min 0 s");
        assertThat(ProgressLine.duration(725)).isEqualTo("12 min 5 s");
        assertThat(ProgressLine.duration(12_000)).isEqualTo("3 h 20 min");
    }
}
