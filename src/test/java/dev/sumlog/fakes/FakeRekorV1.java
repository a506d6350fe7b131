package dev.sumlog.fakes;

import dev.sumlog.tlog.note.EcdsaNoteVerifier;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake Rekor v1 server on 127.0.0.1 with real semantics: hashedrekord 0.0.1 entries are
 * checked (400 when malformed or badly signed), canonicalised as Rekor does, deduplicated
 * (409 + {@code Location}), appended to a real RFC 6962 tree, and answered 201 with a LogEntry
 * carrying a real SET and inclusion proof and a checkpoint signed (ECDSA P-256, Rekor's note
 * scheme) under the key name {@value #HOST}, origin {@code "127.0.0.1 - 1193050959916656506"}.
 *
 * <p>The top-level {@code logIndex} is virtual: shard-local index + {@link #indexOffset()}
 * (default {@value #DEFAULT_INDEX_OFFSET}), so a client that confuses the two indexes fails.
 * Deviations from production: {@code inactiveShards} stays empty despite the offset, only ECDSA
 * keys or certificates with sha256 digests are accepted, and there is no search index.
 */
public final class FakeRekorV1 implements AutoCloseable {

    /** The host part of {@link #url()}, and the key name of checkpoint signatures. */
    public static final String HOST = "127.0.0.1";

    public static final long DEFAULT_INDEX_OFFSET = 1000;

    private final EcdsaNoteSigner signer = EcdsaNoteSigner.generate(HOST);
    private final V1Log log;
    private final Faults faults = new Faults();
    private final Traffic traffic = new Traffic();
    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
    private final long indexOffset;
    private final LoopbackServer server;

    private FakeRekorV1(long indexOffset) {
        this.indexOffset = indexOffset;
        this.log = new V1Log(HOST, signer, indexOffset);
        this.server = new LoopbackServer("fake-rekor-v1",
                new V1Handler(log, logKeyPem(), faults, traffic, latency::get, HOST));
    }

    public static FakeRekorV1 start() {
        return start(DEFAULT_INDEX_OFFSET);
    }

    /** A fake whose virtual indexes start at {@code indexOffset}. */
    public static FakeRekorV1 start(long indexOffset) {
        return new FakeRekorV1(indexOffset);
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String url() {
        return server.url();
    }

    public PublicKey logKey() {
        return signer.keyPair().getPublic();
    }

    /** The log key as {@code GET /api/v1/log/publicKey} serves it. */
    public String logKeyPem() {
        return Pem.encode("PUBLIC KEY", logKey().getEncoded());
    }

    /** Hex SHA-256 of the log key's SPKI DER: the {@code logID} of every entry. */
    public String logIdHex() {
        return log.logIdHex();
    }

    /** The verifier for this log's checkpoints, as a client would build it from the key. */
    public EcdsaNoteVerifier checkpointVerifier() {
        return EcdsaNoteVerifier.fromSpki(HOST, logKey().getEncoded());
    }

    public long treeId() {
        return V1Log.TREE_ID;
    }

    /** Checkpoint origin: {@code "127.0.0.1 - <treeID>"}. */
    public String origin() {
        return log.origin();
    }

    public long indexOffset() {
        return indexOffset;
    }

    /** Entries in the shard's tree. */
    public long treeSize() {
        return log.size();
    }

    /**
     * Appends {@code count} valid entries of another submitter, as if the shard had been in use
     * before the test, so that shard-local indexes, virtual indexes and proof lengths are not trivial.
     */
    public void prefill(int count) {
        SubmitterKey other = SubmitterKey.generate();
        for (int i = 0; i < count; i++) {
            byte[] artifact = ("prefill " + i + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
            log.submit(HashedRekordV1.parse(other.v1Request(artifact)).canonicalBody());
        }
    }

    public Faults faults() {
        return faults;
    }

    public Traffic traffic() {
        return traffic;
    }

    /** Extra time every POST takes after its entry is integrated; POSTs overlap, they are not serialised. */
    public void latency(Duration latency) {
        this.latency.set(latency);
    }

    @Override
    public void close() {
        server.close();
    }
}
