package dev.sumlog.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.EcdsaNoteVerifier;
import dev.sumlog.tlog.note.NoteVerifiers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a client must check on a v1 LogEntry, written with the main tlog verifiers only: the
 * tests use it to show the fake's answers verify (and its faulty answers do not).
 */
final class V1EntryChecks {

    private V1EntryChecks() {
    }

    /** Checks checkpoint, inclusion and SET; returns the entry object (the map's only value). */
    static JsonNode verified(FakeRekorV1 fake, String responseBody) throws GeneralSecurityException {
        JsonNode entry = entryOf(responseBody);
        JsonNode proof = entry.get("verification").get("inclusionProof");
        byte[] body = Base64.getDecoder().decode(entry.get("body").stringValue());
        Checkpoint checkpoint = Checkpoint.fromSignedNote(
                proof.get("checkpoint").stringValue().getBytes(StandardCharsets.UTF_8),
                NoteVerifiers.of(EcdsaNoteVerifier.fromPem(FakeRekorV1.HOST, fake.logKeyPem())));
        assertThat(checkpoint.origin()).isEqualTo(fake.origin());
        assertThat(checkpoint.size()).isEqualTo(proof.get("treeSize").longValue());
        assertThat(checkpoint.rootHash()).isEqualTo(hex(proof.get("rootHash")));
        ProofVerifier.verifyInclusion(proof.get("logIndex").longValue(), checkpoint.size(), Rfc6962.hashLeaf(body),
                hexList(proof.get("hashes")), checkpoint.rootHash());
        if (!setVerifies(fake, entry)) {
            throw new TlogException("SET does not verify");
        }
        return entry;
    }

    /** The SET: SHA256withECDSA over canonical {body, integratedTime, logID, logIndex}. */
    static boolean setVerifies(FakeRekorV1 fake, JsonNode entry) throws GeneralSecurityException {
        byte[] payload = CanonicalJson.bytes(Map.of(
                "body", entry.get("body").stringValue(),
                "integratedTime", entry.get("integratedTime").longValue(),
                "logID", entry.get("logID").stringValue(),
                "logIndex", entry.get("logIndex").longValue()));
        Signature set = Signature.getInstance("SHA256withECDSA");
        set.initVerify(fake.logKey());
        set.update(payload);
        return set.verify(Base64.getDecoder().decode(entry.get("verification").get("signedEntryTimestamp").stringValue()));
    }

    static JsonNode entryOf(String responseBody) {
        JsonNode map = Json.MAPPER.readTree(responseBody);
        assertThat(map.size()).isEqualTo(1);
        return map.values().iterator().next();
    }

    static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.stringValue());
    }

    static List<byte[]> hexList(JsonNode node) {
        return node.values().stream().map(V1EntryChecks::hex).toList();
    }
}
