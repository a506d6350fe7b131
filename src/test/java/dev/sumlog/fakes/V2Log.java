package dev.sumlog.fakes;

import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.NoteSigner;
import dev.sumlog.tlog.tiles.TileLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of the fake Rekor v2 log: a real {@link TileLog} (C2SP tiles, entry bundles and an
 * Ed25519-signed checkpoint written under {@code dir}), with duplicates found through an
 * in-memory map from leaf hash to index, as Tessera's antispam does. One entry per append, so
 * each 201 carries a checkpoint that already covers its entry. Thread-safe.
 */
final class V2Log {

    /** Result of a submission: the index of the entry, and whether it was new. */
    record Outcome(boolean created, long index) {
    }

    private final TileLog tiles;
    private final byte[] keyId;
    private final Map<String, Long> indexByLeaf = new HashMap<>();

    V2Log(Path dir, NoteSigner signer, String origin, byte[] keyId) throws IOException {
        this.tiles = TileLog.open(dir, signer, origin);
        this.keyId = keyId.clone();
    }

    synchronized Outcome submit(byte[] body) throws IOException {
        String leaf = HexFormat.of().formatHex(Rfc6962.hashLeaf(body));
        Long existing = indexByLeaf.get(leaf);
        if (existing != null) {
            return new Outcome(false, existing);
        }
        long index = tiles.append(List.of(body));
        indexByLeaf.put(leaf, index);
        return new Outcome(true, index);
    }

    /** Appends entries of other submitters in one batch (one checkpoint); duplicates are skipped. */
    synchronized void prefill(List<byte[]> bodies) throws IOException {
        List<byte[]> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>(indexByLeaf.keySet());
        for (byte[] body : bodies) {
            if (seen.add(HexFormat.of().formatHex(Rfc6962.hashLeaf(body)))) {
                fresh.add(body);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        long first = tiles.append(fresh);
        for (int i = 0; i < fresh.size(); i++) {
            indexByLeaf.put(HexFormat.of().formatHex(Rfc6962.hashLeaf(fresh.get(i))), first + i);
        }
    }

    /** The 201 answer for entry {@code index}, proven against the current checkpoint. */
    synchronized TransparencyLogEntryV2 entryAt(long index) throws IOException {
        long size = tiles.size();
        return new TransparencyLogEntryV2(index, keyId, size, tiles.checkpoint().rootHash(),
                tiles.inclusionProof(index, size), tiles.checkpointNote(), tiles.entry(index));
    }

    /** The current checkpoint text signed by another key (for the wrong-key fault). */
    synchronized String checkpointSignedBy(NoteSigner other) {
        return tiles.checkpoint().sign(other).format();
    }

    synchronized long size() {
        return tiles.size();
    }
}
