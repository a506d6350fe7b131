package dev.sumlog.fakes;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Rekor v2 answer: a protobuf-JSON {@code TransparencyLogEntry} as rekor-tiles sends it
 * (int64 as decimal strings, bytes as base64, {@code integratedTime} "0" because v2 has no SET).
 *
 * @param logIndex index of the entry in the log
 * @param keyId full SHA-256 key ID of the log's note key ({@code logId.keyId})
 * @param treeSize size of the checkpoint the proof is for
 * @param rootHash root at {@code treeSize}
 * @param hashes inclusion proof, leaf to root
 * @param checkpoint the signed checkpoint note ({@code checkpoint.envelope})
 * @param canonicalizedBody the stored entry
 */
public record TransparencyLogEntryV2(long logIndex, byte[] keyId, long treeSize, byte[] rootHash,
                                     List<byte[]> hashes, String checkpoint, byte[] canonicalizedBody) {

    public Map<String, Object> toJson() {
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("logIndex", Long.toString(logIndex));
        proof.put("rootHash", b64.encodeToString(rootHash));
        proof.put("treeSize", Long.toString(treeSize));
        proof.put("hashes", hashes.stream().map(b64::encodeToString).toList());
        proof.put("checkpoint", Map.of("envelope", checkpoint));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("logIndex", Long.toString(logIndex));
        entry.put("logId", Map.of("keyId", b64.encodeToString(keyId)));
        entry.put("kindVersion", Map.of("kind", "hashedrekord", "version", "0.0.2"));
        entry.put("integratedTime", "0");
        entry.put("inclusionProof", proof);
        entry.put("canonicalizedBody", b64.encodeToString(canonicalizedBody));
        return entry;
    }

    /** The same answer with a proof that no longer leads to the root. */
    TransparencyLogEntryV2 withWrongProof() {
        List<byte[]> wrong = new ArrayList<>();
        hashes.forEach(h -> wrong.add(h.clone()));
        if (wrong.isEmpty()) {
            wrong.add(new byte[32]); // a tree of one leaf has an empty proof: add a hash instead
        } else {
            wrong.get(0)[0] ^= 1;
        }
        return new TransparencyLogEntryV2(logIndex, keyId, treeSize, rootHash, wrong, checkpoint, canonicalizedBody);
    }

    TransparencyLogEntryV2 withCheckpoint(String otherCheckpoint) {
        return new TransparencyLogEntryV2(logIndex, keyId, treeSize, rootHash, hashes, otherCheckpoint,
                canonicalizedBody);
    }
}
