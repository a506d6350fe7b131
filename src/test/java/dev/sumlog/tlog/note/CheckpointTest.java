package dev.sumlog.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.Vectors;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckpointTest {

    static final String TESTLOG_VKEY = "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";
    static final List<String> WORDS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void goSumdbTreeVector() {
        String text = "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";
        Checkpoint checkpoint = Checkpoint.parse(text);
        assertThat(checkpoint.origin()).isEqualTo("go.sum database tree");
        assertThat(checkpoint.size()).isEqualTo(123456789012L);
        assertThat(checkpoint.rootHash()).isEqualTo(Rfc6962.hashLeaf("hello world".getBytes(StandardCharsets.US_ASCII)));
        assertThat(checkpoint.format()).isEqualTo(text);
    }

    @Test
    void extensionLinesRoundTrip() {
        String text = "o\n0\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\nTimestamp: 1\nx\n";
        Checkpoint checkpoint = Checkpoint.parse(text);
        assertThat(checkpoint.extensions()).containsExactly("Timestamp: 1", "x");
        assertThat(checkpoint.format()).isEqualTo(text);
    }

    @Test
    void parseRejections() {
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        assertRejected("o\n08\n" + root + "\n", "checkpoint: size has a leading zero");
        assertRejected("o\n-1\n" + root + "\n", "checkpoint: size is not a decimal number");
        assertRejected("o\n\n" + root + "\n", "checkpoint: size is not a decimal number");
        assertRejected("o\n99999999999999999999\n" + root + "\n", "checkpoint: size does not fit in 63 bits");
        assertRejected("\n1\n" + root + "\n", "checkpoint: empty origin");
        assertRejected("o\n1\n", "checkpoint: fewer than 3 lines (origin, size, root hash)");
        assertRejected("o\n1\nAAAA\n", "checkpoint: root hash is 3 bytes, want 32");
        assertRejected("o\n1\n" + root.substring(1) + "\n", "checkpoint: root hash is not padded base64");
        assertRejected("o\n1\n" + root + "\n\next\n", "checkpoint: empty extension line");
        assertRejected("o\n1\n" + root, "checkpoint: text does not end with a newline");
    }

    @TestFactory
    Stream<DynamicTest> tlogTilesTestLogCheckpoints() {
        NoteVerifiers trusted = NoteVerifiers.of(NoteKeys.parseVerifierKey(TESTLOG_VKEY));
        return Stream.of("checkpoint.8", "checkpoint.9", "checkpoint.10", "checkpoint.11", "checkpoint.12",
                "checkpoint.13", "checkpoint.14", "checkpoint").map(name -> DynamicTest.dynamicTest(name, () -> {
                    Checkpoint checkpoint = Checkpoint.fromSignedNote(
                            Vectors.bytes("mhutchinson-merkle-testlog/" + name), trusted);
                    long size = name.equals("checkpoint") ? 15 : Long.parseLong(name.substring("checkpoint.".length()));
                    assertThat(checkpoint.origin()).isEqualTo("example.com/log/testdata");
                    assertThat(checkpoint.size()).isEqualTo(size);
                    List<byte[]> leaves = WORDS.subList(0, (int) size).stream()
                            .map(w -> w.getBytes(StandardCharsets.US_ASCII)).toList();
                    assertThat(checkpoint.rootHash()).isEqualTo(Rfc6962.merkleTreeHash(leaves));
                }));
    }

    @Test
    void testLogCheckpointResignsByteExact() {
        byte[] published = Vectors.bytes("mhutchinson-merkle-testlog/checkpoint");
        Ed25519NoteSigner signer = NoteKeys.parseSignerKey(
                "PRIVATE+KEY+example.com/log/testdata+33d7b496+AeymY/SZAX0jZcJ8enZ5FY1Dz+wTML2yWSkK+9DSF3eg");
        Checkpoint checkpoint = Checkpoint.parse(Note.parse(published).text());
        assertThat(checkpoint.sign(signer).bytes()).isEqualTo(published);
    }

    @Test
    void productionRekorCheckpointVerifiesWithEcdsaKey() throws IOException {
        NoteVerifier key = productionRekorKey();
        assertThat(key.verifierKey()).startsWith("rekor.sigstore.dev+c0d23d6a+");
        NoteVerifiers trusted = NoteVerifiers.of(key);
        Checkpoint checkpoint = Checkpoint.fromSignedNote(Vectors.bytes("sigstore-java/checkpoints/valid.txt"), trusted);
        assertThat(checkpoint.origin()).isEqualTo("rekor.sigstore.dev - 2605736670972794746");
        assertThat(checkpoint.size()).isEqualTo(37795272L);
        assertThat(checkpoint.extensions()).containsExactly("Timestamp: 1697034484441201852");

        // An extra signature by an unknown key is ignored.
        Checkpoint multi = Checkpoint.fromSignedNote(Vectors.bytes("sigstore-java/checkpoints/valid_multi_sig.txt"), trusted);
        assertThat(multi).usingRecursiveComparison().isEqualTo(checkpoint);
    }

    @TestFactory
    Stream<DynamicTest> malformedRekorCheckpointsAreRejected() throws IOException {
        NoteVerifiers trusted = NoteVerifiers.of(productionRekorKey());
        Path dir = Vectors.require("sigstore-java/checkpoints");
        List<Path> errors;
        try (Stream<Path> files = Files.list(dir)) {
            errors = files.filter(f -> f.getFileName().toString().startsWith("error_")).sorted().toList();
        }
        Map<String, String> failedCheck = Map.of(
                "error_header_body_separator.txt", "note: malformed: no blank line between text and signatures",
                "error_header_count.txt", "checkpoint: fewer than 3 lines (origin, size, root hash)",
                "error_no_newline_after_signature.txt", "note: malformed: signature block does not end with a newline",
                "error_no_signatures.txt", "note: malformed: no signature lines",
                "error_not_a_number.txt", "checkpoint: size is not a decimal number",
                "error_signature_format_invalid.txt",
                "note: malformed: signature line 1 does not start with an em dash and a space",
                "error_signature_length_insufficient.txt", "note: malformed: signature line 1: signature is not padded base64");
        assertThat(errors).map(f -> f.getFileName().toString()).containsExactlyInAnyOrderElementsOf(failedCheck.keySet());
        return errors.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] note = Files.readAllBytes(file);
            assertThatThrownBy(() -> Checkpoint.fromSignedNote(note, trusted))
                    .isInstanceOf(TlogException.class)
                    .hasMessage(failedCheck.get(file.getFileName().toString()));
        }));
    }

    @Test
    void stagingRekorEntryCheckpointAndInclusionProof() throws IOException {
        JsonNode entry = JSON.readTree(Vectors.require("sigstore-java/entry.json").toFile()).values().iterator().next();
        JsonNode proof = entry.get("verification").get("inclusionProof");
        NoteVerifier key = EcdsaNoteVerifier.fromPem("rekor.sigstage.dev", Vectors.text("sigstore-java/rekor.pub"));
        assertThat(key.verifierKey()).startsWith("rekor.sigstage.dev+d32f30a3+");
        assertThat(NoteKeys.parseVerifierKey(key.verifierKey()).keyId()).isEqualTo(key.keyId());

        Checkpoint checkpoint = Checkpoint.fromSignedNote(
                proof.get("checkpoint").stringValue().getBytes(StandardCharsets.UTF_8), NoteVerifiers.of(key));
        assertThat(checkpoint.size()).isEqualTo(proof.get("treeSize").longValue());
        assertThat(checkpoint.rootHash()).isEqualTo(Vectors.hex(proof.get("rootHash").stringValue()));

        byte[] leaf = Rfc6962.hashLeaf(Base64.getDecoder().decode(entry.get("body").stringValue()));
        List<byte[]> hashes = proof.get("hashes").values().stream().map(h -> Vectors.hex(h.stringValue())).toList();
        ProofVerifier.verifyInclusion(proof.get("logIndex").longValue(), checkpoint.size(), leaf, hashes,
                checkpoint.rootHash());
    }

    /**
     * The rekor.sigstore.dev key from the production trusted root. Rekor v1 signs with the
     * host name as key name (the origin adds " - <tree ID>"), so the name is the origin's host.
     */
    static NoteVerifier productionRekorKey() throws IOException {
        JsonNode root = JSON.readTree(Vectors.require("sigstore-python/trusted_root.prod.json").toFile());
        for (JsonNode log : root.get("tlogs").values()) {
            if (log.get("baseUrl").stringValue().equals("https://rekor.sigstore.dev")) {
                byte[] spki = Base64.getDecoder().decode(log.get("publicKey").get("rawBytes").stringValue());
                return EcdsaNoteVerifier.fromSpki("rekor.sigstore.dev", spki);
            }
        }
        throw new AssertionError("no rekor.sigstore.dev log in the trusted root");
    }

    private static void assertRejected(String text, String message) {
        assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(TlogException.class).hasMessage(message);
    }
}
