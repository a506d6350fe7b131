package dev.sumlog.tlog.tiles;

import static dev.sumlog.tlog.tiles.TileLogTest.ORIGIN;
import static dev.sumlog.tlog.tiles.TileLogTest.SIGNER;
import static dev.sumlog.tlog.tiles.TileLogTest.TRUSTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.MemoryTree;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded property tests of the tiles log: its proofs verify with the verification core, and
 * any single flipped bit in a proof hash, root, leaf or checkpoint note is rejected.
 */
class TileLogPropertyTest {

    @TempDir
    Path dir;

    @Test
    void proofsVerifyAndEveryBitFlipIsRejected() throws IOException {
        Random random = new Random(20261125);
        TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
        MemoryTree reference = new MemoryTree();
        List<String> notes = new ArrayList<>();
        while (log.size() < 3000) {
            int batch = random.nextBoolean() ? 1 + random.nextInt(5) : 1 + random.nextInt(400);
            List<byte[]> entries = LogFixtures.entries(log.size(), batch);
            log.append(entries);
            entries.forEach(reference::appendEntry);
            assertThat(log.checkpoint().rootHash()).as("root at size %d", log.size()).isEqualTo(reference.root());
            notes.add(log.checkpointNote());
        }
        List<Checkpoint> checkpoints = notes.stream()
                .map(n -> Checkpoint.fromSignedNote(n.getBytes(StandardCharsets.UTF_8), TRUSTED)).toList();

        for (int c = 0; c < 300; c++) {
            Checkpoint cp = checkpoints.get(random.nextInt(checkpoints.size()));
            long index = (long) (random.nextDouble() * cp.size());
            byte[] leaf = Rfc6962.hashLeaf(LogFixtures.entry(index));
            List<byte[]> proof = log.inclusionProof(index, cp.size());
            ProofVerifier.verifyInclusion(index, cp.size(), leaf, proof, cp.rootHash());
            int bit = random.nextInt(256);
            rejected(() -> ProofVerifier.verifyInclusion(index, cp.size(), flip(leaf, bit), proof, cp.rootHash()));
            rejected(() -> ProofVerifier.verifyInclusion(index, cp.size(), leaf, proof, flip(cp.rootHash(), bit)));
            if (!proof.isEmpty()) {
                List<byte[]> bad = new ArrayList<>(proof);
                int k = random.nextInt(bad.size());
                bad.set(k, flip(bad.get(k), bit));
                rejected(() -> ProofVerifier.verifyInclusion(index, cp.size(), leaf, bad, cp.rootHash()));
            }
        }

        for (int c = 0; c < 300; c++) {
            Checkpoint a = checkpoints.get(random.nextInt(checkpoints.size()));
            Checkpoint b = checkpoints.get(random.nextInt(checkpoints.size()));
            Checkpoint older = a.size() <= b.size() ? a : b;
            Checkpoint newer = a.size() <= b.size() ? b : a;
            List<byte[]> proof = log.consistencyProof(older.size(), newer.size());
            ProofVerifier.verifyConsistency(older.size(), newer.size(), proof, older.rootHash(), newer.rootHash());
            int bit = random.nextInt(256);
            rejected(() -> ProofVerifier.verifyConsistency(older.size(), newer.size(), proof,
                    flip(older.rootHash(), bit), newer.rootHash()));
            rejected(() -> ProofVerifier.verifyConsistency(older.size(), newer.size(), proof,
                    older.rootHash(), flip(newer.rootHash(), bit)));
            if (!proof.isEmpty()) {
                List<byte[]> bad = new ArrayList<>(proof);
                int k = random.nextInt(bad.size());
                bad.set(k, flip(bad.get(k), bit));
                rejected(() -> ProofVerifier.verifyConsistency(older.size(), newer.size(), bad,
                        older.rootHash(), newer.rootHash()));
            }
        }

        for (int c = 0; c < 300; c++) {
            byte[] note = notes.get(random.nextInt(notes.size())).getBytes(StandardCharsets.UTF_8);
            byte[] bad = flip(note, random.nextInt(note.length * 8));
            rejected(() -> Checkpoint.fromSignedNote(bad, TRUSTED));
        }
    }

    @Test
    void reopenedLogContinuesTheSameTree() throws IOException {
        Random random = new Random(42);
        Path reopened = dir.resolve("reopened");
        Path oneGo = dir.resolve("one-go");
        TileLog log = TileLog.open(reopened, SIGNER, ORIGIN);
        while (log.size() < 1500) {
            log.append(LogFixtures.entries(log.size(), 1 + random.nextInt(300)));
            if (random.nextInt(3) == 0) {
                log = TileLog.open(reopened, SIGNER, ORIGIN);
            }
        }
        TileLog reference = TileLog.open(oneGo, SIGNER, ORIGIN);
        reference.append(LogFixtures.entries(0, (int) log.size()));
        assertThat(log.checkpointNote()).isEqualTo(reference.checkpointNote());
        assertThat(TileLog.open(reopened, SIGNER, ORIGIN).checkpointNote()).isEqualTo(reference.checkpointNote());
    }

    @Test
    void largeLogFillsHigherTileLevels() throws IOException {
        TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
        MemoryTree reference = new MemoryTree();
        int total = 256 * 256 + 300;
        for (int from = 0; from < total; from += 16_500) {
            List<byte[]> batch = LogFixtures.entries(from, Math.min(16_500, total - from));
            log.append(batch);
            batch.forEach(reference::appendEntry);
        }
        assertThat(log.checkpoint().rootHash()).isEqualTo(reference.root());
        for (Tile tile : Tile.forTreeSize(total)) {
            assertThat(dir.resolve(tile.path())).as(tile.path()).exists();
        }
        assertThat(dir.resolve("tile/2/000.p/1")).exists();
        assertThat(dir.resolve("tile/1/000")).hasSize(8192);
        long index = 65_000;
        ProofVerifier.verifyInclusion(index, total, Rfc6962.hashLeaf(LogFixtures.entry(index)),
                log.inclusionProof(index, total), log.checkpoint().rootHash());
        assertThat(log.entry(total - 1)).isEqualTo(LogFixtures.entry(total - 1));
        assertThat(Files.isDirectory(dir.resolve("tile/entries/x001"))).isFalse();
        assertThat(dir.resolve("tile/entries/257.p/44")).exists();
    }

    private static void rejected(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(TlogException.class);
    }

    private static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[(bit / 8) % copy.length] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
