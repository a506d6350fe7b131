package dev.sumlog.fakes;

import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.Ed25519NoteVerifier;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.tiles.FileTileFetcher;
import dev.sumlog.tlog.tiles.TileLog;
import dev.sumlog.tlog.tiles.TileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A fake Rekor v2 (rekor-tiles) log on 127.0.0.1: {@code POST /api/v2/log/entries} with real
 * checks (400, 409 + {@code X-Log-Index}, 405 when {@link #freeze() frozen}) over a real
 * {@link dev.sumlog.tlog.tiles.TileLog}, whose C2SP tiles, entry bundles and Ed25519
 * checkpoint are served at {@code /checkpoint} and {@code /tile/...} exactly as written.
 *
 * <p>Origin and note key name are {@value #ORIGIN}: a real shard uses its hostname
 * (log2025-1.rekor.sigstore.dev) for both, and clients compare the origin with the host of the
 * log URL, without the port. The tiles live in a temporary directory deleted on close.
 */
public final class FakeRekorV2 implements AutoCloseable {

    public static final String ORIGIN = "127.0.0.1";

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final Path dir;
    private final Ed25519NoteSigner signer;
    private final Faults faults = new Faults();
    private final Traffic traffic = new Traffic();
    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
    private final AtomicBoolean frozen = new AtomicBoolean();
    private final V2Log log;
    private final LoopbackServer server;

    private FakeRekorV2(Path dir) throws IOException {
        this.dir = dir;
        this.signer = new Ed25519NoteSigner(ORIGIN, randomSeed());
        this.log = new V2Log(dir, signer, ORIGIN, keyId());
        Ed25519NoteSigner impostor = new Ed25519NoteSigner(ORIGIN, randomSeed());
        this.server = new LoopbackServer("fake-rekor-v2", new V2Handler(log, new TileFiles(dir), faults, traffic,
                latency::get, frozen::get, impostor));
    }

    /**
     * Starts a fake whose tiles live in a fresh temporary directory, in RAM ({@code /dev/shm})
     * when there is one: every append fsyncs several files, which costs tens of milliseconds
     * on a disk and nothing on tmpfs.
     */
    public static FakeRekorV2 start() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "fake-rekor-v2-")
                    : Files.createTempDirectory("fake-rekor-v2-");
            return new FakeRekorV2(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the fake log's tile directory", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash; also the tlog-tiles prefix. */
    public String url() {
        return server.url();
    }

    public String origin() {
        return ORIGIN;
    }

    /** The C2SP verifier key, {@code 127.0.0.1+<hex id>+<base64(0x01 || key)>}. */
    public String verifierKey() {
        return signer.verifier().verifierKey();
    }

    public Ed25519NoteVerifier checkpointVerifier() {
        return signer.verifier();
    }

    /** The log key as a JCA Ed25519 public key. */
    public PublicKey logKey() {
        try {
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
            System.arraycopy(rawKey(), 0, spki, ED25519_SPKI_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot decode Ed25519 keys", e);
        }
    }

    /**
     * The full key ID, SHA-256(name || 0x0A || 0x01 || key), sent as {@code logId.keyId}; its
     * first 4 bytes are the checkpoint signature's key ID.
     */
    public byte[] keyId() {
        byte[] name = (ORIGIN + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] raw = rawKey();
        return SubmitterKey.sha256(ByteBuffer.allocate(name.length + 1 + raw.length)
                .put(name).put((byte) 0x01).put(raw).array());
    }

    /** The directory holding checkpoint and tiles. */
    public Path tileDirectory() {
        return dir;
    }

    public long treeSize() {
        return log.size();
    }

    /**
     * Appends {@code count} valid entries of another submitter in one batch, as if the log had
     * been in use before the test: later entries then sit past a full tile, at a non-zero index.
     */
    public void prefill(int count) {
        SubmitterKey other = SubmitterKey.generate();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] artifact = ("prefill " + i + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
            bodies.add(HashedRekordV2.withPublicKey(SubmitterKey.sha256(artifact), other.sign(artifact), other.spki())
                    .canonicalBody());
        }
        try {
            log.prefill(bodies);
        } catch (IOException e) {
            throw new UncheckedIOException("prefilling the fake log", e);
        }
    }

    /**
     * Rewrites the published tree under the same key: {@code change} gets the entries in order and
     * returns the new history, which replaces the checkpoint, tiles and bundles on disk (a log that
     * forked or rolled back). For reads only: a later POST would continue the old tree.
     */
    public void rewriteHistory(java.util.function.UnaryOperator<List<byte[]>> change) {
        try {
            TileReader reader = TileReader.open(new FileTileFetcher(dir), NoteVerifiers.of(signer.verifier()), ORIGIN);
            List<byte[]> entries = new ArrayList<>();
            for (long i = 0; i < reader.size(); i++) {
                entries.add(reader.entry(i));
            }
            List<byte[]> rewritten = change.apply(entries);
            Path fresh = Files.createTempDirectory(dir.getParent(), "fake-rekor-v2-rewritten-");
            TileLog log = TileLog.open(fresh, signer, ORIGIN);
            if (!rewritten.isEmpty()) {
                log.append(rewritten);
            }
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
            }
            try (Stream<Path> files = Files.list(fresh)) {
                for (Path file : files.toList()) {
                    Files.move(file, dir.resolve(file.getFileName()));
                }
            }
            Files.delete(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting the fake log's history", e);
        }
    }

    /** From now on every POST gets 405, as a shard past its rotation does; reads still work. */
    public void freeze() {
        frozen.set(true);
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
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }

    private byte[] rawKey() {
        // <name>+<id>+<base64>: names hold no '+', base64 may, so split at the first two only.
        String[] parts = signer.verifier().verifierKey().split("\\+", 3);
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        return Arrays.copyOfRange(typed, 1, typed.length);
    }

    private static byte[] randomSeed() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }
}
