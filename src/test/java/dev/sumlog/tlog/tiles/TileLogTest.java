package dev.sumlog.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.Vectors;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteKeys;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.receipt.TlogProof;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileLogTest {

    static final String ORIGIN = "example.com/log/testdata";
    static final Ed25519NoteSigner SIGNER = NoteKeys.parseSignerKey(
            "PRIVATE+KEY+example.com/log/testdata+33d7b496+AeymY/SZAX0jZcJ8enZ5FY1Dz+wTML2yWSkK+9DSF3eg");
    static final NoteVerifiers TRUSTED = NoteVerifiers.of(SIGNER.verifier());
    static final List<String> WORDS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen");

    @TempDir
    Path dir;

    @Test
    void reproducesTheTesseraTestLogCheckpoints() throws IOException {
        TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
        assertThat(log.size()).isZero();
        for (int i = 0; i < WORDS.size(); i++) {
            assertThat(log.append(List.of(ascii(WORDS.get(i))))).isEqualTo(i);
            int size = i + 1;
            if (size >= 8) {
                String name = size == 15 ? "checkpoint" : "checkpoint." + size;
                assertThat(Files.readString(dir.resolve("checkpoint")))
                        .as(name).isEqualTo(Vectors.text("mhutchinson-merkle-testlog/" + name));
            }
        }
        assertThat(log.checkpointNote()).isEqualTo(Files.readString(dir.resolve("checkpoint")));
        assertThat(log.entry(14)).isEqualTo(ascii("fifteen"));
        assertThat(Files.exists(dir.resolve("tile/0/000.p/15"))).isTrue();
        assertThat(Files.exists(dir.resolve("tile/entries/000.p/15"))).isTrue();
    }

    @Test
    void newLogHasSignedEmptyCheckpoint() throws IOException {
        TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
        Checkpoint checkpoint = Checkpoint.fromSignedNote(Files.readAllBytes(dir.resolve("checkpoint")), TRUSTED);
        assertThat(checkpoint.size()).isZero();
        assertThat(TileLog.open(dir, SIGNER, ORIGIN).checkpoint()).usingRecursiveComparison().isEqualTo(log.checkpoint());
    }

    @Test
    void findRecoversTheIndexOfAnAppendedEntry() throws IOException {
        TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
        for (int batch = 0; batch < 3; batch++) {
            log.append(LogFixtures.entries(batch * 200, 200));
        }
        log.append(List.of(ascii("dup"), ascii("x"), ascii("dup")));
        assertThat(log.find(LogFixtures.entry(0), 0)).isEqualTo(OptionalLong.of(0));
        assertThat(log.find(LogFixtures.entry(457), 0)).isEqualTo(OptionalLong.of(457));
        assertThat(log.find(LogFixtures.entry(457), 458)).isEmpty();
        assertThat(log.find(ascii("dup"), 0)).isEqualTo(OptionalLong.of(600));
        assertThat(log.find(ascii("dup"), 601)).isEqualTo(OptionalLong.of(602));
        assertThat(log.find(ascii("absent"), 0)).isEmpty();
    }

    @Test
    void receiptsVerifyOffline() throws IOException {
        TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
        log.append(LogFixtures.entries(0, 300));
        TlogProof receipt = TlogProof.parse(log.receipt(123).format());
        Checkpoint checkpoint = receipt.verifyEntry(LogFixtures.entry(123), TRUSTED);
        assertThat(checkpoint.size()).isEqualTo(300);
        assertThatThrownBy(() -> receipt.verifyEntry(LogFixtures.entry(124), TRUSTED))
                .hasMessage("inclusion proof: computed root != expected root");
    }

    @Test
    void rejectsOversizedEntriesAndEmptyBatches() throws IOException {
        TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
        assertThatThrownBy(() -> log.append(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.append(List.of(new byte[65536]))).isInstanceOf(IllegalArgumentException.class);
        log.append(List.of(new byte[65535], new byte[0]));
        assertThat(log.entry(0)).hasSize(65535);
        assertThat(log.entry(1)).isEmpty();
    }

    @Test
    void openRejectsAWrongKeyOrOrigin() throws IOException {
        TileLog.open(dir, SIGNER, ORIGIN).append(List.of(ascii("a")));
        Ed25519NoteSigner other = NoteKeys.parseSignerKey(NoteKeys.generate(ORIGIN).signerKey());
        assertThatThrownBy(() -> TileLog.open(dir, other, ORIGIN)).hasMessageStartingWith("note: no verifiable signatures");
        assertThatThrownBy(() -> TileLog.open(dir, SIGNER, "example.com/other"))
                .hasMessage("tile log: checkpoint origin 'example.com/log/testdata' != 'example.com/other'");
    }

    @Test
    void openDetectsTamperedTilesAndEntries() throws IOException {
        TileLog.open(dir, SIGNER, ORIGIN).append(LogFixtures.entries(0, 10));
        Path tile = dir.resolve("tile/0/000.p/10");
        byte[] original = Files.readAllBytes(tile);
        byte[] tampered = original.clone();
        tampered[40] ^= 1;
        Files.write(tile, tampered);
        assertThatThrownBy(() -> TileLog.open(dir, SIGNER, ORIGIN))
                .hasMessage("tile log: tiles do not reproduce the checkpoint root");

        Files.write(tile, original);
        Path bundle = dir.resolve("tile/entries/000.p/10");
        byte[] entries = Files.readAllBytes(bundle);
        entries[entries.length - 1] ^= 1;
        Files.write(bundle, entries);
        assertThatThrownBy(() -> TileLog.open(dir, SIGNER, ORIGIN))
                .hasMessage("tile log: entry 9 in the bundle does not match its level-0 tile hash");
        TileReader reader = TileReader.open(new FileTileFetcher(dir), TRUSTED, ORIGIN);
        assertThatThrownBy(() -> reader.entry(9)).isInstanceOf(TlogException.class)
                .hasMessageStartingWith("tile log: entry 9 does not match the checkpoint");
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
