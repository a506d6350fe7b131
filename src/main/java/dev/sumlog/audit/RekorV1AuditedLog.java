package dev.sumlog.audit;

import dev.sumlog.catalog.AuditRepository.LoggedSubmission;
import dev.sumlog.submit.RateLimiter;
import dev.sumlog.submit.SubmitPolicy;
import dev.sumlog.submit.remote.LogHttp;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Note;
import dev.sumlog.tlog.note.NoteVerifier;
import dev.sumlog.tlog.sigstore.LogKey;
import dev.sumlog.tlog.sigstore.RekorV1Entry;
import dev.sumlog.tlog.sigstore.RekorV1Verifier;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Rekor v1 log through its REST API: the signed tree head of a shard ({@code GET /api/v1/log}, the
 * active shard or one of {@code inactiveShards}, found by origin {@code <host> - <treeID>}), consistency
 * proofs ({@code GET /api/v1/log/proof}) and entries by index ({@code GET /api/v1/log/entries?logIndex=N},
 * the virtual index, each answer verified: inclusion in its signed checkpoint, SET). Requests keep to
 * the job's rate for the log; answers are bounded ({@link LogHttp}).
 */
public final class RekorV1AuditedLog implements AuditedLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final LogKey logKey;
    private final LogHttp http;
    private final RateLimiter rate;

    public RekorV1AuditedLog(URI url, LogKey logKey, Duration timeout, SubmitPolicy policy) {
        this.url = url;
        this.logKey = logKey;
        this.http = new LogHttp(timeout);
        this.rate = RateLimiter.of(policy);
    }

    @Override
    public Kind kind() {
        return Kind.REKOR_V1;
    }

    @Override
    public String id() {
        return url.toString();
    }

    @Override
    public String location() {
        return url.toString();
    }

    @Override
    public NoteVerifier key() {
        return logKey.checkpointVerifier();
    }

    @Override
    public boolean ownsOrigin(String origin) {
        return origin.startsWith(logKey.host() + " - ");
    }

    @Override
    public Optional<byte[]> checkpoint(String trustedOrigin) throws IOException {
        JsonNode info = get("/api/v1/log");
        List<JsonNode> shards = new ArrayList<>();
        shards.add(info);
        info.path("inactiveShards").forEach(shards::add);
        String active = null;
        for (JsonNode shard : shards) {
            JsonNode head = shard.path("signedTreeHead");
            if (!head.isString()) {
                throw new IOException("GET " + url + "/api/v1/log: a shard without a signedTreeHead");
            }
            if (active == null) {
                active = head.stringValue();
            }
            if (trustedOrigin != null && trustedOrigin.equals(originOf(head.stringValue()))) {
                return Optional.of(head.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return Optional.of(active.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public LogView at(VerifiedHead head) {
        return new LogView() {
            @Override
            public void verifyExtends(Checkpoint older) throws IOException {
                Checkpoint current = head.checkpoint();
                if (older.size() == 0) {
                    return;
                }
                String treeId = treeId(older.origin()).map(id -> "&treeID=" + id).orElse("");
                JsonNode proof = get("/api/v1/log/proof?firstSize=" + older.size() + "&lastSize=" + current.size() + treeId);
                List<byte[]> hashes = new ArrayList<>();
                for (JsonNode hash : proof.path("hashes")) {
                    try {
                        hashes.add(HexFormat.of().parseHex(hash.asString()));
                    } catch (IllegalArgumentException e) {
                        throw new TlogException("consistency proof: a hash that is not hex");
                    }
                }
                ProofVerifier.verifyConsistency(older.size(), current.size(), hashes, older.rootHash(), current.rootHash());
            }

            @Override
            public Optional<byte[]> entry(long index) throws IOException {
                Optional<String> answer = getEntry(index);
                if (answer.isEmpty()) {
                    return Optional.empty();
                }
                RekorV1Entry entry = RekorV1Entry.parse(answer.get());
                RekorV1Verifier.verify(entry, logKey.key(), logKey.host());
                if (entry.logIndex() != index) {
                    throw new TlogException("asked for entry " + index + ", the log answered entry " + entry.logIndex());
                }
                return Optional.of(entry.body());
            }
        };
    }

    @Override
    public byte[] expectedEntry(LoggedSubmission submission) {
        return StoredRequests.expectedBody(submission.entry());
    }

    @Override
    public void verifyReceipt(LoggedSubmission submission, byte[] receipt) {
        RekorReceipts.verify(submission, receipt, logKey);
    }

    /** Rekor v1 origins are {@code <host> - <treeID>}; the proof endpoint needs the tree ID of an older shard. */
    static Optional<String> treeId(String origin) {
        int dash = origin.lastIndexOf(" - ");
        String id = dash < 0 ? "" : origin.substring(dash + 3).trim();
        return id.matches("\\d{1,20}") ? Optional.of(id) : Optional.empty();
    }

    private static String originOf(String signedTreeHead) {
        try {
            return Checkpoint.parse(Note.parse(signedTreeHead).text()).origin();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Optional<String> getEntry(long index) throws IOException {
        LogHttp.Answer answer = send("/api/v1/log/entries?logIndex=" + index);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expect200(answer, "/api/v1/log/entries?logIndex=" + index).body());
    }

    private JsonNode get(String path) throws IOException {
        LogHttp.Answer answer = expect200(send(path), path);
        try {
            return JSON.readTree(answer.bytes());
        } catch (JacksonException e) {
            throw new IOException("GET " + url + path + ": the answer is not JSON");
        }
    }

    private LogHttp.Answer send(String path) throws IOException {
        try {
            rate.acquire(1, wait -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the rate of " + url);
        }
        return http.get(URI.create(url + path));
    }

    private LogHttp.Answer expect200(LogHttp.Answer answer, String path) throws IOException {
        if (answer.status() != 200) {
            throw new IOException("GET " + url + path + ": HTTP " + answer.status());
        }
        return answer;
    }
}
