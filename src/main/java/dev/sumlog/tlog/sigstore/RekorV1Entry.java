package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A Rekor v1 {@code LogEntry}: what {@code POST /api/v1/log/entries} and
 * {@code GET /api/v1/log/entries/{uuid}} return, or a v1 entry read from a Sigstore bundle.
 * Nothing in it is trusted before {@link RekorV1Verifier} has checked it.
 *
 * @param entryId the map key of the response: the 64-hex UUID or the 80-hex tree ID + UUID
 * @param body the canonical entry (base64-decoded {@code body})
 * @param integratedTime the time the log says it added the entry (Unix seconds), signed by the SET
 * @param logId hex SHA-256 of the log key's SPKI
 * @param logIndex the virtual index across all shards (covered by the SET, not by the proof)
 * @param inclusionProof the proof, with the shard-local index
 * @param signedEntryTimestamp the SET (DER ECDSA), absent in some bundles
 */
public record RekorV1Entry(String entryId, byte[] body, long integratedTime, String logId, long logIndex,
        InclusionProof inclusionProof, Optional<byte[]> signedEntryTimestamp) implements TlogEntry {

    public RekorV1Entry {
        body = body.clone();
        signedEntryTimestamp = signedEntryTimestamp.map(byte[]::clone);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public byte[] canonicalizedBody() {
        return body.clone();
    }

    @Override
    public Optional<byte[]> signedEntryTimestamp() {
        return signedEntryTimestamp.map(byte[]::clone);
    }

    /** The UUID the body implies: hex SHA-256(0x00 || body). */
    public String uuid() {
        return HashedRekordV1.uuid(body);
    }

    /** Parses the API's LogEntry: a JSON object with exactly one key, the entry ID. */
    public static RekorV1Entry parse(String json) {
        String where = "Rekor v1 LogEntry";
        JsonNode root = SigstoreJson.read(json, where);
        if (root.size() != 1) {
            throw new TlogException(where + ": expected one entry, got " + root.size());
        }
        String entryId = root.propertyNames().iterator().next();
        if (!entryId.matches("([0-9a-f]{16})?[0-9a-f]{64}")) {
            throw new TlogException(where + ": entry ID '" + entryId + "' is not 64 or 80 hex digits");
        }
        JsonNode entry = root.get(entryId);
        if (!entry.isObject()) {
            throw new TlogException(where + ": entry " + entryId + " is not an object");
        }
        where = where + " " + entryId;
        JsonNode verification = SigstoreJson.object(entry, "verification", where);
        JsonNode proof = SigstoreJson.object(verification, "inclusionProof", where + ": verification");
        return new RekorV1Entry(entryId,
                SigstoreJson.base64(entry, "body", where),
                SigstoreJson.int64(entry, "integratedTime", where),
                HexFormat.of().formatHex(SigstoreJson.hex(entry, "logID", where)),
                SigstoreJson.int64(entry, "logIndex", where),
                hexProof(proof, where + ": inclusionProof"),
                SigstoreJson.optionalBase64(verification, "signedEntryTimestamp", where + ": verification"));
    }

    /** The REST form of a proof: hex hashes and a plain checkpoint string. */
    private static InclusionProof hexProof(JsonNode proof, String where) {
        List<byte[]> hashes = new ArrayList<>();
        List<JsonNode> nodes = SigstoreJson.array(proof, "hashes", where);
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).isString()) {
                throw new TlogException(where + ": hashes[" + i + "] is not a string");
            }
            try {
                hashes.add(HexFormat.of().parseHex(nodes.get(i).stringValue()));
            } catch (IllegalArgumentException e) {
                throw new TlogException(where + ": hashes[" + i + "] is not hex", e);
            }
        }
        return new InclusionProof(
                SigstoreJson.int64(proof, "logIndex", where),
                SigstoreJson.int64(proof, "treeSize", where),
                SigstoreJson.hex(proof, "rootHash", where),
                hashes,
                SigstoreJson.string(proof, "checkpoint", where));
    }
}
