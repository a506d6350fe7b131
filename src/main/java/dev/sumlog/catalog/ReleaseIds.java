package dev.sumlog.catalog;

import dev.sumlog.release.ReleaseKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The release ids of the directories a crawl is in, so that each directory's releases are read from
 * the catalog once per crawl instead of once per chunk (a directory of 20,000 releases read by each
 * of its 40 chunks made the crawl quadratic). The walk visits a directory's files together, apart
 * from its subdirectories in between, so a few recently used directories are enough; the least
 * recently used are dropped once {@link #MAX_IDS} ids are held.
 *
 * <p>Valid for one crawl step under the state lock: release rows are never deleted and their ids
 * never change, and nobody else creates releases of this archive meanwhile. A chunk that rolls back
 * fails the step, and the next step execution starts with a new instance.
 */
public final class ReleaseIds {

    static final int MAX_IDS = 200_000;

    private final LinkedHashMap<String, Map<ReleaseKey, Long>> byDirectory = new LinkedHashMap<>(16, 0.75f, true);
    private final int maxIds;
    private int held;

    public ReleaseIds() {
        this(MAX_IDS);
    }

    ReleaseIds(int maxIds) {
        this.maxIds = maxIds;
    }

    /** The ids of a directory's releases, loaded with {@code load} when not held. */
    Map<ReleaseKey, Long> directory(String directory, Function<String, Map<ReleaseKey, Long>> load) {
        Map<ReleaseKey, Long> ids = byDirectory.get(directory);
        if (ids == null) {
            ids = new HashMap<>(load.apply(directory));
            byDirectory.put(directory, ids);
            held += ids.size();
            evict(directory);
        }
        return ids;
    }

    /** Records a release just created in a held directory. */
    void created(ReleaseKey key, long id) {
        Map<ReleaseKey, Long> ids = byDirectory.get(key.directory());
        if (ids != null && ids.put(key, id) == null) {
            held++;
        }
    }

    private void evict(String keep) {
        var eldest = byDirectory.entrySet().iterator();
        while (held > maxIds && eldest.hasNext()) {
            var entry = eldest.next();
            if (!entry.getKey().equals(keep)) {
                held -= entry.getValue().size();
                eldest.remove();
            }
        }
    }
}
