package dev.sumlog.verify;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.sigstore.LogKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check {@link Check#CONSISTENCY} for a Rekor v1 bundle: the log's signed tree head now
 * ({@code GET /api/v1/log}) must extend the bundle's checkpoint, by a consistency proof from
 * {@code GET /api/v1/log/proof}. The bundle's shard is named by its checkpoint origin
 * {@code <host> - <treeID>}: when the log has moved to a new shard, the old one's tree head is
 * taken from {@code inactiveShards}, and the proof is asked for that tree ID.
 *
 * <p>Only signed data decides: both tree heads are checked with the trusted key (under the host
 * name, as Rekor signs them), and the proof against both signed roots. An unreachable log, or
 * one answering other than 200, is a skip, as for the embedded log.
 */
final class RekorV1Consistency {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY = 1 << 20;

    private final HttpClient client;

    RekorV1Consistency(HttpClient client) {
        this.client = client;
    }

    CheckResult run(LogKey log, Checkpoint bundleCheckpoint) {
        String url = log.baseUrl().replaceAll("/+$", "");
        try {
            NoteVerifiers trusted = NoteVerifiers.of(log.checkpointVerifier());
            JsonNode info = get(url + "/api/v1/log");
            Checkpoint current = treeHead(info, bundleCheckpoint.origin(), trusted).orElseThrow(() -> new TlogException(
                    "no tree head of shard '" + bundleCheckpoint.origin() + "' among the log's shards"));
            long oldSize = bundleCheckpoint.size();
            long newSize = current.size();
            if (newSize < oldSize) {
                throw new TlogException("consistency proof: new size " + newSize + " < old size " + oldSize);
            }
            if (newSize == oldSize) {
                if (!MessageDigest.isEqual(current.rootHash(), bundleCheckpoint.rootHash())) {
                    throw new TlogException("tree head at size " + newSize + " has another root than the bundle's");
                }
            } else {
                String treeId = treeId(bundleCheckpoint.origin()).map(id -> "&treeID=" + id).orElse("");
                JsonNode proof = get(url + "/api/v1/log/proof?firstSize=" + oldSize + "&lastSize=" + newSize + treeId);
                ProofVerifier.verifyConsistency(oldSize, newSize, hashes(proof.path("hashes")),
                        bundleCheckpoint.rootHash(), current.rootHash());
            }
            return CheckResult.ok(Check.CONSISTENCY, url + " at size " + newSize
                    + " extends the bundle's checkpoint (size " + oldSize + ")");
        } catch (IOException e) {
            return CheckResult.skip(Check.CONSISTENCY, "log unreachable (" + url + ": " + ConsistencyCheck.describe(e) + ")");
        } catch (TlogException | IllegalArgumentException | JacksonException e) {
            return CheckResult.fail(Check.CONSISTENCY, url + ": " + e.getMessage());
        }
    }

    /** The signed tree head of the bundle's shard: the active one, or one of {@code inactiveShards}. */
    private static Optional<Checkpoint> treeHead(JsonNode info, String origin, NoteVerifiers trusted) {
        List<JsonNode> shards = new ArrayList<>();
        shards.add(info);
        info.path("inactiveShards").forEach(shards::add);
        for (JsonNode shard : shards) {
            JsonNode sth = shard.path("signedTreeHead");
            if (!sth.isString()) {
                throw new TlogException("GET /api/v1/log: a shard without a signedTreeHead string");
            }
            Checkpoint checkpoint = Checkpoint.fromSignedNote(sth.stringValue().getBytes(StandardCharsets.UTF_8), trusted);
            if (checkpoint.origin().equals(origin)) {
                return Optional.of(checkpoint);
            }
        }
        return Optional.empty();
    }

    /** Rekor v1 origins are {@code <host> - <treeID>}; the proof endpoint needs the tree ID for old shards. */
    static Optional<String> treeId(String origin) {
        int dash = origin.lastIndexOf(" - ");
        String id = dash < 0 ? "" : origin.substring(dash + 3).trim();
        return id.matches("\\d{1,20}") ? Optional.of(id) : Optional.empty();
    }

    private static List<byte[]> hashes(JsonNode node) {
        if (!node.isArray()) {
            throw new TlogException("GET /api/v1/log/proof: no hashes array");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : node) {
            hashes.add(HexFormat.of().parseHex(hash.asString()));
        }
        return hashes;
    }

    private JsonNode get(String uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("GET " + uri + " interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + ": HTTP " + response.statusCode());
            }
            // An untrusted server must not make verify read an unbounded body into memory.
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("GET " + uri + ": response larger than " + MAX_BODY + " bytes");
            }
            return JSON.readTree(bytes);
        }
    }
}
