package dev.sumlog.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.NoteKeys;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.tiles.HttpTileFetcher;
import dev.sumlog.tlog.tiles.TileReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeRekorV2Test {

    private final FakeRekorV2 fake = FakeRekorV2.start();
    private final SubmitterKey key = SubmitterKey.generate();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void createsAnEntryWhoseCheckpointAndProofVerify() throws Exception {
        byte[] artifact = "release 2.0 SHA256SUMS".getBytes(StandardCharsets.UTF_8);
        byte[] digest = SubmitterKey.sha256(artifact);
        byte[] signature = key.sign(artifact);

        HttpResponse<String> created = Http.post(entries(), key.v2Request(digest, signature));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode entry = verified(fake, created.body());
        assertThat(entry.get("logIndex").stringValue()).isEqualTo("0");
        assertThat(entry.get("integratedTime").stringValue()).isEqualTo("0");
        assertThat(entry.get("kindVersion").get("kind").stringValue()).isEqualTo("hashedrekord");
        assertThat(entry.get("kindVersion").get("version").stringValue()).isEqualTo("0.0.2");
        assertThat(Base64.getDecoder().decode(entry.get("logId").get("keyId").stringValue())).isEqualTo(fake.keyId());
        assertThat(Base64.getDecoder().decode(entry.get("canonicalizedBody").stringValue()))
                .isEqualTo(HashedRekordV2.withPublicKey(digest, signature, key.spki()).canonicalBody());
        assertThat(HexFormat.of().formatHex(fake.keyId())).startsWith(fake.verifierKey().split("\\+")[1]);
    }

    @Test
    void anIdenticalBodyIs409WithTheIndexInAHeader() throws Exception {
        Http.post(entries(), key.v2Request("zero".getBytes(StandardCharsets.UTF_8)));
        byte[] request = key.v2Request("one".getBytes(StandardCharsets.UTF_8));
        Http.post(entries(), request);

        HttpResponse<String> again = Http.post(entries(), request);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("X-Log-Index")).hasValue("1");
        assertThat(fake.treeSize()).isEqualTo(2);
    }

    @Test
    void badSignaturesUnknownKeyTypesAndMalformedRequestsAre400() throws Exception {
        byte[] digest = SubmitterKey.sha256("x".getBytes(StandardCharsets.UTF_8));
        byte[] badSignature = key.v2Request(digest, key.sign("y".getBytes(StandardCharsets.UTF_8)));
        String ed25519 = new String(key.v2Request("x".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)
                .replace(HashedRekordV2.P256, "PKIX_ED25519");
        List<byte[]> requests = List.of(badSignature, ed25519.getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8), Json.write(Map.of("dsseRequestV002", Map.of())));

        for (byte[] request : requests) {
            HttpResponse<String> response = Http.post(entries(), request);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body()).get("code").intValue()).isEqualTo(3);
        }
        assertThat(fake.treeSize()).isZero();
    }

    @Test
    void aFrozenLogAnswers405ButStillServesItsTiles() throws Exception {
        Http.post(entries(), key.v2Request("before".getBytes(StandardCharsets.UTF_8)));
        fake.freeze();

        HttpResponse<String> refused = Http.post(entries(), key.v2Request("after".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.body()).isEqualTo("This log has been frozen, please switch to the latest log.\n");
        assertThat(reader().size()).isEqualTo(1);
    }

    @Test
    void theServedTilesAreReadableWithTheTlogTilesReader() throws Exception {
        fake.prefill(255);
        Checkpoint older = reader().checkpoint();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> created = Http.post(entries(), key.v2Request(("entry " + i).getBytes(StandardCharsets.UTF_8)));
            JsonNode entry = verified(fake, created.body());
            assertThat(entry.get("logIndex").stringValue()).isEqualTo(Integer.toString(255 + i));
            bodies.add(Base64.getDecoder().decode(entry.get("canonicalizedBody").stringValue()));
        }

        TileReader reader = reader();

        assertThat(reader.size()).isEqualTo(258);
        assertThat(reader.checkpointNote()).isEqualTo(Http.get(fake.url() + "/checkpoint").body());
        for (int i = 0; i < 3; i++) {
            assertThat(reader.entry(255 + i)).isEqualTo(bodies.get(i));
        }
        reader.verifyExtends(older);
        assertThat(Http.get(fake.url() + "/tile/0/000").statusCode()).isEqualTo(200);
        assertThat(Http.get(fake.url() + "/tile/entries/001.p/2").statusCode()).isEqualTo(200);
        assertThat(Http.get(fake.url() + "/tile/0/../../etc/passwd").statusCode()).isEqualTo(404);
        assertThat(Http.get(fake.url() + "/api/v2/log/entries").statusCode()).isEqualTo(404);
    }

    @Test
    void latencyDoesNotSerialiseParallelUploads() {
        fake.latency(Duration.ofSeconds(1));
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uploads.add(Http.postAsync(entries(), key.v2Request(("parallel " + i).getBytes(StandardCharsets.UTF_8))));
        }

        assertThat(uploads.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(201);
        // Each POST holds its answer for a second after integrating; if they overlapped, more
        // than one was in flight at some point.
        assertThat(fake.traffic().maxConcurrentPosts()).isGreaterThan(1);
        assertThat(fake.traffic().appended()).isEqualTo(4);
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrAWrongProofFailsVerification() throws Exception {
        Http.post(entries(), key.v2Request("first".getBytes(StandardCharsets.UTF_8)));
        fake.faults().next(Fault.wrongCheckpointKey(), Fault.wrongProof());

        HttpResponse<String> wrongKey = Http.post(entries(), key.v2Request("a".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> wrongProof = Http.post(entries(), key.v2Request("b".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> verified(fake, wrongKey.body())).hasMessageContaining("note: no verifiable signatures");
        assertThatThrownBy(() -> verified(fake, wrongProof.body()))
                .hasMessage("inclusion proof: computed root != expected root");
        assertThat(fake.treeSize()).isEqualTo(3);
    }

    @Test
    void statusResetForeignBodyAndAcceptThenFailFaults() throws Exception {
        byte[] request = key.v2Request("SHA256SUMS".getBytes(StandardCharsets.UTF_8));
        fake.faults().next(Fault.status(503, 2), Fault.reset(), Fault.foreignBody(), Fault.acceptThenStatus(503));

        HttpResponse<String> pushback = Http.post(entries(), request);
        assertThatThrownBy(() -> Http.post(entries(), request)).isInstanceOf(IOException.class);
        HttpResponse<String> foreign = Http.post(entries(), request);
        HttpResponse<String> lost = Http.post(entries(), request);
        HttpResponse<String> retry = Http.post(entries(), request);

        assertThat(pushback.statusCode()).isEqualTo(503);
        assertThat(pushback.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(foreign.statusCode()).isEqualTo(201);
        assertThat(Base64.getDecoder().decode(verified(fake, foreign.body()).get("canonicalizedBody").stringValue()))
                .isNotEqualTo(HashedRekordV2.parse(request).canonicalBody());
        assertThat(lost.statusCode()).isEqualTo(503);
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.headers().firstValue("X-Log-Index")).hasValue("1");
        assertThat(fake.traffic().posts()).isEqualTo(5);
        assertThat(fake.traffic().appended()).isEqualTo(2);
    }

    /** Checks the checkpoint (key by C2SP key ID) first, then inclusion against it, as CLIENTS.md says. */
    static JsonNode verified(FakeRekorV2 fake, String responseBody) {
        JsonNode entry = Json.MAPPER.readTree(responseBody);
        JsonNode proof = entry.get("inclusionProof");
        Checkpoint checkpoint = Checkpoint.fromSignedNote(
                proof.get("checkpoint").get("envelope").stringValue().getBytes(StandardCharsets.UTF_8),
                NoteVerifiers.of(NoteKeys.parseVerifierKey(fake.verifierKey())));
        assertThat(checkpoint.origin()).isEqualTo(FakeRekorV2.ORIGIN);
        assertThat(Long.parseLong(proof.get("treeSize").stringValue())).isEqualTo(checkpoint.size());
        assertThat(Base64.getDecoder().decode(proof.get("rootHash").stringValue())).isEqualTo(checkpoint.rootHash());
        assertThat(proof.get("logIndex").stringValue()).isEqualTo(entry.get("logIndex").stringValue());
        byte[] body = Base64.getDecoder().decode(entry.get("canonicalizedBody").stringValue());
        List<byte[]> hashes = proof.get("hashes").values().stream()
                .map(h -> Base64.getDecoder().decode(h.stringValue())).toList();
        ProofVerifier.verifyInclusion(Long.parseLong(entry.get("logIndex").stringValue()), checkpoint.size(),
                Rfc6962.hashLeaf(body), hashes, checkpoint.rootHash());
        return entry;
    }

    private TileReader reader() throws IOException {
        HttpTileFetcher fetcher = new HttpTileFetcher(URI.create(fake.url()), Http.CLIENT, Duration.ofSeconds(10));
        return TileReader.open(fetcher, NoteVerifiers.of(fake.checkpointVerifier()), FakeRekorV2.ORIGIN);
    }

    private String entries() {
        return fake.url() + "/api/v2/log/entries";
    }
}
