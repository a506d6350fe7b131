package dev.sumlog.fakes;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Rekor v1 {@code LogEntry} answer, field for field as the real API writes it:
 * {@code {"<entryID>": {body, integratedTime, logID, logIndex, verification: {inclusionProof:
 * {hashes, logIndex, rootHash, treeSize, checkpoint}, signedEntryTimestamp}}}}. Hashes are hex,
 * the body and SET base64.
 *
 * @param entryId 16-hex tree ID + 64-hex UUID
 * @param body canonical entry body
 * @param integratedTime epoch seconds
 * @param logIdHex hex SHA-256 of the log key's SPKI DER
 * @param logIndex virtual index (what the SET signs)
 * @param proofIndex shard-local index (what the inclusion proof is for)
 * @param treeSize shard tree size of the proof
 * @param rootHash root at {@code treeSize}
 * @param hashes inclusion proof, leaf to root
 * @param checkpoint signed checkpoint note for {@code treeSize}
 * @param signedEntryTimestamp ECDSA DER signature (the SET)
 */
public record LogEntryV1(String entryId, byte[] body, long integratedTime, String logIdHex, long logIndex,
                         long proofIndex, long treeSize, byte[] rootHash, List<byte[]> hashes, String checkpoint,
                         byte[] signedEntryTimestamp) {

    /** The canonical JSON the SET signs: body (base64), integratedTime, logID, logIndex. */
    public static byte[] setPayload(byte[] body, long integratedTime, String logIdHex, long logIndex) {
        return CanonicalJson.bytes(Map.of(
                "body", Base64.getEncoder().encodeToString(body),
                "integratedTime", integratedTime,
                "logID", logIdHex,
                "logIndex", logIndex));
    }

    public String uuid() {
        return entryId.substring(16);
    }

    /** The response body: a map with the entry ID as its only key. */
    public Map<String, Object> toJson() {
        HexFormat hex = HexFormat.of();
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("hashes", hashes.stream().map(hex::formatHex).toList());
        proof.put("logIndex", proofIndex);
        proof.put("rootHash", hex.formatHex(rootHash));
        proof.put("treeSize", treeSize);
        proof.put("checkpoint", checkpoint);
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("inclusionProof", proof);
        verification.put("signedEntryTimestamp", Base64.getEncoder().encodeToString(signedEntryTimestamp));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("body", Base64.getEncoder().encodeToString(body));
        entry.put("integratedTime", integratedTime);
        entry.put("logID", logIdHex);
        entry.put("logIndex", logIndex);
        entry.put("verification", verification);
        return Map.of(entryId, entry);
    }

    /** The same answer with a proof that no longer leads to the root. */
    LogEntryV1 withWrongProof() {
        List<byte[]> wrong = new ArrayList<>();
        hashes.forEach(h -> wrong.add(h.clone()));
        if (wrong.isEmpty()) {
            wrong.add(new byte[32]); // a tree of one leaf has an empty proof: add a hash instead
        } else {
            wrong.get(0)[0] ^= 1;
        }
        return new LogEntryV1(entryId, body, integratedTime, logIdHex, logIndex, proofIndex, treeSize, rootHash,
                wrong, checkpoint, signedEntryTimestamp);
    }

    LogEntryV1 withCheckpoint(String otherCheckpoint) {
        return new LogEntryV1(entryId, body, integratedTime, logIdHex, logIndex, proofIndex, treeSize, rootHash,
                hashes, otherCheckpoint, signedEntryTimestamp);
    }

    LogEntryV1 withSet(byte[] otherSet) {
        return new LogEntryV1(entryId, body, integratedTime, logIdHex, logIndex, proofIndex, treeSize, rootHash,
                hashes, checkpoint, otherSet);
    }
}
