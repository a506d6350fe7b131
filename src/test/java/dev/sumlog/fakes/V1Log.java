package dev.sumlog.fakes;

import dev.sumlog.tlog.merkle.MemoryTree;
import dev.sumlog.tlog.merkle.ProofGenerator;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.NoteSigner;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of the fake Rekor v1 shard: an RFC 6962 tree over canonical bodies, deduplicated on
 * the leaf hash (the UUID) as Trillian does. Thread-safe (all state under this object's lock).
 *
 * <p>Two indexes, as in production: the shard-local index (position in this tree, used by the
 * inclusion proof) and the virtual index = {@code indexOffset} + shard-local (what the top-level
 * {@code logIndex} and the SET carry), as if inactive shards of that total length came before.
 */
final class V1Log {

    /** Production's current shard ID; any fixed value would do. */
    static final long TREE_ID = 1193050959916656506L;

    /** Result of a submission: the entry as stored, and whether it was new. */
    record Outcome(boolean created, LogEntryV1 entry) {
    }

    private record Stored(byte[] body, long integratedTime, byte[] set) {
    }

    private final String host;
    private final EcdsaNoteSigner signer;
    private final String logIdHex;
    private final long indexOffset;
    private final MemoryTree tree = new MemoryTree();
    private final List<Stored> entries = new ArrayList<>();
    private final Map<String, Integer> indexByUuid = new HashMap<>();

    V1Log(String host, EcdsaNoteSigner signer, long indexOffset) {
        this.host = host;
        this.signer = signer;
        this.indexOffset = indexOffset;
        this.logIdHex = HexFormat.of().formatHex(SubmitterKey.sha256(signer.keyPair().getPublic().getEncoded()));
    }

    String origin() {
        return host + " - " + TREE_ID;
    }

    String logIdHex() {
        return logIdHex;
    }

    static String treeIdHex() {
        return String.format("%016x", TREE_ID);
    }

    /** Appends {@code body} unless an identical body is already in the log. */
    synchronized Outcome submit(byte[] body) {
        String uuid = HexFormat.of().formatHex(Rfc6962.hashLeaf(body));
        Integer existing = indexByUuid.get(uuid);
        if (existing != null) {
            return new Outcome(false, entryAt(existing));
        }
        long integratedTime = Instant.now().getEpochSecond();
        int index = entries.size();
        byte[] set = sign(LogEntryV1.setPayload(body, integratedTime, logIdHex, indexOffset + index));
        tree.appendEntry(body);
        entries.add(new Stored(body.clone(), integratedTime, set));
        indexByUuid.put(uuid, index);
        return new Outcome(true, entryAt(index));
    }

    /** Lookup by 64-hex UUID or 80-hex entry ID (whose tree ID must be ours). */
    synchronized Optional<LogEntryV1> byId(String id) {
        String lower = id.toLowerCase();
        if (lower.length() == 80 && lower.startsWith(treeIdHex())) {
            lower = lower.substring(16);
        }
        Integer index = indexByUuid.get(lower);
        return index == null ? Optional.empty() : Optional.of(entryAt(index));
    }

    synchronized Optional<LogEntryV1> byVirtualIndex(long virtualIndex) {
        long local = virtualIndex - indexOffset;
        return local < 0 || local >= entries.size() ? Optional.empty() : Optional.of(entryAt((int) local));
    }

    synchronized long size() {
        return tree.size();
    }

    synchronized byte[] root() {
        return tree.root();
    }

    /** The signed checkpoint of the current tree. */
    synchronized String checkpointNote() {
        return checkpointNote(signer);
    }

    /** The current checkpoint text signed by another signer (for the wrong-key fault). */
    synchronized String checkpointNote(NoteSigner by) {
        return new Checkpoint(origin(), tree.size(), tree.root()).sign(by).format();
    }

    synchronized byte[] rootAt(long size) {
        return new ProofGenerator(tree).rootHash(size);
    }

    synchronized List<byte[]> consistencyProof(long firstSize, long lastSize) {
        return new ProofGenerator(tree).consistencyProof(firstSize, lastSize);
    }

    /** A SET over the entry's fields but the wrong log index: valid DER from the right key, wrong content. */
    byte[] wrongSet(LogEntryV1 entry) {
        return sign(LogEntryV1.setPayload(entry.body(), entry.integratedTime(), logIdHex, entry.logIndex() + 1));
    }

    private LogEntryV1 entryAt(int index) {
        Stored stored = entries.get(index);
        long size = tree.size();
        String uuid = HexFormat.of().formatHex(Rfc6962.hashLeaf(stored.body()));
        return new LogEntryV1(treeIdHex() + uuid, stored.body().clone(), stored.integratedTime(), logIdHex,
                indexOffset + index, index, size, tree.root(), new ProofGenerator(tree).inclusionProof(index, size),
                checkpointNote(signer), stored.set().clone());
    }

    private byte[] sign(byte[] payload) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(signer.keyPair().getPrivate());
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }
}
