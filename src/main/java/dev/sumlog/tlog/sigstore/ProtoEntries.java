package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protobuf-JSON {@code TransparencyLogEntry} of Sigstore bundles and of Rekor v2, read into
 * and written from {@link RekorV1Entry} / {@link RekorV2Entry}.
 *
 * <p>Which log wrote an entry is not marked; its kind and version tell: {@code hashedrekord}
 * and {@code dsse} 0.0.2 exist only in Rekor v2 (v1 has an unrelated {@code intoto} 0.0.2). A v1
 * entry is mapped as in sigstore's bundle conversion: base64 {@code logId.keyId} becomes the hex
 * {@code logID}, the top-level {@code logIndex} stays the virtual index, and the proof keeps the
 * shard-local one.
 */
final class ProtoEntries {

    private static final Set<String> V2_KINDS = Set.of("hashedrekord", "dsse");
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private ProtoEntries() {
    }

    static TlogEntry fromJson(JsonNode node, String where) {
        JsonNode kindVersion = SigstoreJson.object(node, "kindVersion", where);
        String kind = SigstoreJson.string(kindVersion, "kind", where + ": kindVersion");
        String version = SigstoreJson.string(kindVersion, "version", where + ": kindVersion");
        long logIndex = SigstoreJson.int64(node, "logIndex", where);
        byte[] keyId = SigstoreJson.base64(SigstoreJson.object(node, "logId", where), "keyId", where + ": logId");
        long integratedTime = SigstoreJson.optionalInt64(node, "integratedTime", where).orElse(0L);
        InclusionProof proof = proof(SigstoreJson.object(node, "inclusionProof", where), where + ": inclusionProof");
        byte[] body = SigstoreJson.base64(node, "canonicalizedBody", where);
        if (V2_KINDS.contains(kind) && version.equals("0.0.2")) {
            return new RekorV2Entry(logIndex, keyId, kind, version, integratedTime, proof, body);
        }
        var set = SigstoreJson.optionalObject(node, "inclusionPromise", where)
                .flatMap(p -> SigstoreJson.optionalBase64(p, "signedEntryTimestamp", where + ": inclusionPromise"));
        String uuid = HashedRekordV1.uuid(body);
        return new RekorV1Entry(uuid, body, integratedTime, HexFormat.of().formatHex(keyId), logIndex, proof, set);
    }

    static ObjectNode toJson(TlogEntry entry) {
        ObjectNode node = SigstoreJson.MAPPER.createObjectNode();
        node.put("logIndex", Long.toString(entry.logIndex()));
        ObjectNode kindVersion;
        if (entry instanceof RekorV2Entry v2) {
            node.putObject("logId").put("keyId", B64.encodeToString(v2.logKeyId()));
            kindVersion = node.putObject("kindVersion");
            kindVersion.put("kind", v2.kind());
            kindVersion.put("version", v2.version());
        } else {
            RekorV1Entry v1 = (RekorV1Entry) entry;
            node.putObject("logId").put("keyId", B64.encodeToString(HexFormat.of().parseHex(v1.logId())));
            JsonNode body = SigstoreJson.read(new String(v1.body(), StandardCharsets.UTF_8),
                    "Rekor v1 entry " + v1.uuid() + ": body");
            kindVersion = node.putObject("kindVersion");
            kindVersion.put("kind", SigstoreJson.string(body, "kind", "Rekor v1 entry body"));
            kindVersion.put("version", SigstoreJson.string(body, "apiVersion", "Rekor v1 entry body"));
            node.put("integratedTime", Long.toString(v1.integratedTime()));
            v1.signedEntryTimestamp().ifPresent(set ->
                    node.putObject("inclusionPromise").put("signedEntryTimestamp", B64.encodeToString(set)));
        }
        InclusionProof proof = entry.inclusionProof();
        ObjectNode p = node.putObject("inclusionProof");
        p.put("logIndex", Long.toString(proof.logIndex()));
        p.put("rootHash", B64.encodeToString(proof.rootHash()));
        p.put("treeSize", Long.toString(proof.treeSize()));
        var hashes = p.putArray("hashes");
        proof.hashes().forEach(h -> hashes.add(B64.encodeToString(h)));
        p.putObject("checkpoint").put("envelope", proof.checkpoint());
        node.put("canonicalizedBody", B64.encodeToString(entry.canonicalizedBody()));
        return node;
    }

    private static InclusionProof proof(JsonNode proof, String where) {
        List<byte[]> hashes = new ArrayList<>();
        List<JsonNode> nodes = SigstoreJson.array(proof, "hashes", where);
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).isString()) {
                throw new TlogException(where + ": hashes[" + i + "] is not a string");
            }
            hashes.add(SigstoreJson.decodeBase64(nodes.get(i).stringValue(), where + ": hashes[" + i + "]"));
        }
        JsonNode checkpoint = SigstoreJson.object(proof, "checkpoint", where);
        return new InclusionProof(
                SigstoreJson.int64(proof, "logIndex", where),
                SigstoreJson.int64(proof, "treeSize", where),
                SigstoreJson.base64(proof, "rootHash", where),
                hashes,
                SigstoreJson.string(checkpoint, "envelope", where + ": checkpoint"));
    }
}
