package dev.sumlog.sums;

import dev.sumlog.catalog.KeysetReader;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.ReleaseRow;
import dev.sumlog.output.OutputTree;
import dev.sumlog.release.SumsFileNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The write step's reader: PENDING releases in id order (keyset pages, no restart state: see
 * {@link KeysetReader}), each with what the output registry says sumlog wrote at its sums and
 * receipt paths in this output tree, looked up once per page rather than once per release.
 */
public class PendingReleaseReader implements ItemReader<ReleaseRow> {

    private final KeysetReader<ReleaseRow> pages;

    public PendingReleaseReader(ReleaseRepository releases, OutputRepository outputs, String source, OutputTree out,
                                int pageSize) {
        this.pages = new KeysetReader<>((after, limit) -> withOwned(releases.nextPending(source, after, limit), outputs,
                out), ReleaseRow::id, pageSize);
    }

    @Override
    public ReleaseRow read() {
        return pages.read();
    }

    private static List<ReleaseRow> withOwned(List<ReleaseRow> page, OutputRepository outputs, OutputTree out) {
        List<String> paths = new ArrayList<>(2 * page.size());
        page.forEach(r -> {
            paths.add(r.key().sumsPath());
            paths.add(r.key().sumsPath() + SumsFileNames.RECEIPT_SUFFIX);
        });
        Map<String, String> owned = outputs.owned(out.key(), paths);
        return page.stream().map(r -> r.withOwned(owned.get(r.key().sumsPath()),
                owned.get(r.key().sumsPath() + SumsFileNames.RECEIPT_SUFFIX))).toList();
    }
}
