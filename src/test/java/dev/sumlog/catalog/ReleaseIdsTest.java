package dev.sumlog.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.release.ReleaseKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseIdsTest {

    private final List<String> loads = new ArrayList<>();

    private Map<ReleaseKey, Long> load(String directory) {
        loads.add(directory);
        return Map.of(new ReleaseKey(directory, "p", "1.0"), (long) directory.length(),
                new ReleaseKey(directory, "p", "2.0"), 100L + directory.length());
    }

    @Test
    void readsEachDirectoryOnceAndKeepsIdsCreatedSince() {
        ReleaseIds ids = new ReleaseIds();
        ids.directory("a", this::load);
        ids.created(new ReleaseKey("a", "p", "3.0"), 7);
        ids.created(new ReleaseKey("elsewhere", "p", "1.0"), 8);   // not held: read with its directory

        Map<ReleaseKey, Long> a = ids.directory("a", this::load);

        assertThat(loads).containsExactly("a");
        assertThat(a).containsEntry(new ReleaseKey("a", "p", "1.0"), 1L).containsEntry(new ReleaseKey("a", "p", "3.0"), 7L)
                .hasSize(3);
    }

    @Test
    void dropsTheLeastRecentlyUsedDirectoriesBeyondItsBoundAndReadsThemAgain() {
        ReleaseIds ids = new ReleaseIds(4);
        ids.directory("a", this::load);
        ids.directory("bb", this::load);
        ids.directory("a", this::load);          // a is now the most recently used
        ids.directory("ccc", this::load);        // 6 ids held: bb goes, never the directory just read

        ids.directory("a", this::load);
        ids.directory("bb", this::load);

        assertThat(loads).containsExactly("a", "bb", "ccc", "bb");
    }
}
