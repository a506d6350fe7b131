package dev.sumlog.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.EcdsaNoteVerifier;
import dev.sumlog.tlog.note.NoteVerifiers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeRekorV1Test {

    private final FakeRekorV1 fake = FakeRekorV1.start();
    private final SubmitterKey key = SubmitterKey.generate();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void createsAnEntryWhoseProofCheckpointAndSetVerify() throws Exception {
        byte[] request = key.v1Request("release 1.0 SHA256SUMS".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = Http.post(entries(), request);

        assertThat(created.statusCode()).isEqualTo(201);
        byte[] body = HashedRekordV1.parse(request).canonicalBody();
        String uuid = HexFormat.of().formatHex(Rfc6962.hashLeaf(body));
        String entryId = "108e9186e8c5677a" + uuid;
        assertThat(created.headers().firstValue("ETag")).hasValue(entryId);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/log/entries/" + entryId);
        JsonNode entry = verified(created.body());
        assertThat(Base64.getDecoder().decode(entry.get("body").stringValue())).isEqualTo(body);
        assertThat(entry.get("logIndex").longValue()).isEqualTo(1000);
        assertThat(entry.get("verification").get("inclusionProof").get("logIndex").longValue()).isZero();
        assertThat(entry.get("logID").stringValue()).isEqualTo(fake.logIdHex());
    }

    @Test
    void anIdenticalBodyIs409WithTheLocationOfTheEntry() throws Exception {
        byte[] request = key.v1Request("a".getBytes(StandardCharsets.UTF_8));
        String entryId = Http.post(entries(), request).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = Http.post(entries(), request);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Location")).hasValue("/api/v1/log/entries/" + entryId);
        assertThat(Json.MAPPER.readTree(again.body()).get("message").stringValue())
                .isEqualTo("an equivalent entry already exists in the transparency log with UUID " + entryId);
        assertThat(fake.treeSize()).isEqualTo(1);
        assertThat(fake.traffic().duplicates()).isEqualTo(1);
        // Re-signing the same digest gives a new signature, hence a new entry: reuse the bytes.
        assertThat(Http.post(entries(), key.v1Request("a".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(201);
    }

    @Test
    void findsEntriesByUuidEntryIdAndVirtualIndex() throws Exception {
        Http.post(entries(), key.v1Request("one".getBytes(StandardCharsets.UTF_8)));
        String entryId = Http.post(entries(), key.v1Request("two".getBytes(StandardCharsets.UTF_8)))
                .headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> byEntryId = Http.get(fake.url() + "/api/v1/log/entries/" + entryId);
        HttpResponse<String> byUuid = Http.get(fake.url() + "/api/v1/log/entries/" + entryId.substring(16));
        HttpResponse<String> byIndex = Http.get(fake.url() + "/api/v1/log/entries?logIndex=1001");

        for (HttpResponse<String> response : List.of(byEntryId, byUuid, byIndex)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(verified(response.body()).get("logIndex").longValue()).isEqualTo(1001);
        }
        assertThat(Http.get(fake.url() + "/api/v1/log/entries/" + "ab".repeat(32)).statusCode()).isEqualTo(404);
        assertThat(Http.get(fake.url() + "/api/v1/log/entries?logIndex=1").statusCode()).isEqualTo(404);
        assertThat(Http.get(fake.url() + "/api/v1/log/entries/nothex").statusCode()).isEqualTo(400);
    }

    @Test
    void servesLogInfoConsistencyProofsAndThePublicKey() throws Exception {
        for (int i = 0; i < 3; i++) {
            Http.post(entries(), key.v1Request(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode older = Json.MAPPER.readTree(Http.get(fake.url() + "/api/v1/log").body());
        for (int i = 3; i < 7; i++) {
            Http.post(entries(), key.v1Request(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode newer = Json.MAPPER.readTree(Http.get(fake.url() + "/api/v1/log").body());
        JsonNode proof = Json.MAPPER.readTree(
                Http.get(fake.url() + "/api/v1/log/proof?firstSize=3&lastSize=7&treeID=1193050959916656506").body());

        assertThat(newer.get("treeSize").longValue()).isEqualTo(7);
        assertThat(newer.get("treeID").stringValue()).isEqualTo("1193050959916656506");
        assertThat(newer.get("inactiveShards").isArray()).isTrue();
        Checkpoint head = Checkpoint.fromSignedNote(newer.get("signedTreeHead").stringValue().getBytes(StandardCharsets.UTF_8),
                NoteVerifiers.of(fake.checkpointVerifier()));
        assertThat(head.origin()).isEqualTo("127.0.0.1 - 1193050959916656506");
        assertThat(head.rootHash()).isEqualTo(V1EntryChecks.hex(newer.get("rootHash")));
        assertThat(V1EntryChecks.hex(proof.get("rootHash"))).isEqualTo(head.rootHash());
        ProofVerifier.verifyConsistency(3, 7, V1EntryChecks.hexList(proof.get("hashes")),
                V1EntryChecks.hex(older.get("rootHash")), head.rootHash());
        assertThat(Http.get(fake.url() + "/api/v1/log/proof?firstSize=5&lastSize=9").statusCode()).isEqualTo(400);
        assertThat(Http.get(fake.url() + "/api/v1/log/publicKey").body()).isEqualTo(fake.logKeyPem());
    }

    @Test
    void aBadSignatureOrAMalformedEntryIs400AndNothingIsAppended() throws Exception {
        byte[] digest = SubmitterKey.sha256("x".getBytes(StandardCharsets.UTF_8));
        byte[] wrongSignature = key.sign("y".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> badSignature = Http.post(entries(), key.v1Request(digest, wrongSignature));
        HttpResponse<String> notJson = Http.post(entries(), "{".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> noKey = Http.post(entries(), Json.write(Map.of("kind", "hashedrekord", "apiVersion", "0.0.1")));

        for (HttpResponse<String> response : List.of(badSignature, notJson, noKey)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body()).get("code").intValue()).isEqualTo(400);
        }
        assertThat(badSignature.body()).contains("error processing entry: verifying signature");
        assertThat(fake.treeSize()).isZero();
        assertThat(fake.traffic().posts()).isEqualTo(3);
    }

    @Test
    void theCheckpointSignerFollowsRekorsNoteScheme() {
        EcdsaNoteSigner signer = EcdsaNoteSigner.generate("rekor.example");
        String note = new Checkpoint("rekor.example - 1", 0, Rfc6962.emptyRoot()).sign(signer).format();
        EcdsaNoteVerifier verifier = EcdsaNoteVerifier.fromSpki("rekor.example", signer.keyPair().getPublic().getEncoded());

        assertThat(Checkpoint.fromSignedNote(note.getBytes(StandardCharsets.UTF_8), NoteVerifiers.of(verifier)).size()).isZero();
        assertThat(String.format("%08x", signer.keyId()))
                .isEqualTo(HexFormat.of().formatHex(SubmitterKey.sha256(signer.keyPair().getPublic().getEncoded())).substring(0, 8));
    }

    String entries() {
        return fake.url() + "/api/v1/log/entries";
    }

    private JsonNode verified(String responseBody) throws Exception {
        return V1EntryChecks.verified(fake, responseBody);
    }
}
