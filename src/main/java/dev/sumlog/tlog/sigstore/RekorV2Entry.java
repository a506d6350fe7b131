package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import java.util.HexFormat;

/**
 * A Rekor v2 {@code TransparencyLogEntry} (protobuf-JSON: int64 as strings, bytes as base64), as
 * {@code POST /api/v2/log/entries} returns it or as a bundle holds it. Nothing in it is trusted
 * before {@link RekorV2Verifier} has checked it; in particular the proof's root hash and tree
 * size are claims, and the checkpoint decides.
 *
 * @param logIndex index of the entry in the log (the one the inclusion proof is checked at)
 * @param logKeyId the log's 32-byte C2SP key ID ({@code logId.keyId})
 * @param kind entry kind, {@code hashedrekord}
 * @param version entry version, {@code 0.0.2}
 * @param integratedTime always 0 in v2 (no signed time); kept for round trips
 * @param inclusionProof the proof and the checkpoint envelope
 * @param canonicalizedBody the RFC 8785 entry body the log hashed
 */
public record RekorV2Entry(long logIndex, byte[] logKeyId, String kind, String version, long integratedTime,
        InclusionProof inclusionProof, byte[] canonicalizedBody) implements TlogEntry {

    public RekorV2Entry {
        logKeyId = logKeyId.clone();
        canonicalizedBody = canonicalizedBody.clone();
    }

    @Override
    public byte[] logKeyId() {
        return logKeyId.clone();
    }

    @Override
    public byte[] canonicalizedBody() {
        return canonicalizedBody.clone();
    }

    public String logKeyIdHex() {
        return HexFormat.of().formatHex(logKeyId);
    }

    /** Parses a TransparencyLogEntry as returned by {@code POST /api/v2/log/entries}. */
    public static RekorV2Entry parse(String json) {
        String where = "Rekor v2 TransparencyLogEntry";
        TlogEntry entry = ProtoEntries.fromJson(SigstoreJson.read(json, where), where);
        if (entry instanceof RekorV2Entry v2) {
            return v2;
        }
        throw new TlogException(where + ": kindVersion is not a Rekor v2 entry (hashedrekord or dsse 0.0.2)");
    }
}
