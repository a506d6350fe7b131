package dev.sumlog.tlog.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.MemoryTree;
import dev.sumlog.tlog.merkle.ProofGenerator;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteKeys;
import dev.sumlog.tlog.note.NoteVerifiers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlogProofTest {

    /** The example from c2sp.org/tlog-proof (signatures elided there, so only the framing parses). */
    static final String SPEC_EXAMPLE = """
            c2sp.org/tlog-proof@v1
            extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
            index 73894
            gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
            B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
            EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
            RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
            AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

            example.com/fancylog
            109482
            sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

            \u2014 example.com/fancylog hI2DJw[...]1roloI=
            """;

    static final Ed25519NoteSigner SIGNER = NoteKeys.parseSignerKey(
            "PRIVATE+KEY+example.com/log/testdata+33d7b496+AeymY/SZAX0jZcJ8enZ5FY1Dz+wTML2yWSkK+9DSF3eg");
    static final NoteVerifiers TRUSTED = NoteVerifiers.of(SIGNER.verifier());

    @Test
    void parsesTheSpecExample() {
        TlogProof proof = TlogProof.parse(SPEC_EXAMPLE);
        assertThat(proof.index()).isEqualTo(73894);
        assertThat(proof.extra()).isPresent();
        assertThat(proof.proof()).hasSize(5);
        assertThat(proof.checkpointNote()).startsWith("example.com/fancylog\n109482\n");
        assertThat(proof.format()).isEqualTo(SPEC_EXAMPLE);
    }

    @Test
    void roundTripAndVerify() {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < 37; i++) {
            tree.appendEntry(("e" + i).getBytes(StandardCharsets.US_ASCII));
        }
        String note = new Checkpoint("example.com/log/testdata", 37, tree.root()).sign(SIGNER).format();
        TlogProof proof = new TlogProof(Optional.empty(), 11, new ProofGenerator(tree).inclusionProof(11, 37), note);
        String file = proof.format();
        assertThat(file).startsWith("c2sp.org/tlog-proof@v1\nindex 11\n");
        TlogProof parsed = TlogProof.parse(file);
        assertThat(parsed.format()).isEqualTo(file);
        assertThat(parsed.verifyEntry("e11".getBytes(StandardCharsets.US_ASCII), TRUSTED).size()).isEqualTo(37);

        assertThatThrownBy(() -> parsed.verifyEntry("e12".getBytes(StandardCharsets.US_ASCII), TRUSTED))
                .hasMessage("inclusion proof: computed root != expected root");
        String otherIndex = file.replace("index 11\n", "index 12\n");
        assertThatThrownBy(() -> TlogProof.parse(otherIndex).verify(Rfc6962.hashLeaf("e11".getBytes(StandardCharsets.US_ASCII)), TRUSTED))
                .isInstanceOf(TlogException.class);
        String badNote = file.replace("\n37\n", "\n38\n");
        assertThatThrownBy(() -> TlogProof.parse(badNote).verifyEntry("e11".getBytes(StandardCharsets.US_ASCII), TRUSTED))
                .hasMessage("note: invalid signature for key example.com/log/testdata+33d7b496");
    }

    @Test
    void extraDataRoundTrips() {
        TlogProof proof = new TlogProof(Optional.of("release 1.2".getBytes(StandardCharsets.UTF_8)), 0, List.of(), "x\n\n\u2014 k AAAAAAA=\n");
        assertThat(proof.format()).startsWith("c2sp.org/tlog-proof@v1\nextra " + Base64.getEncoder().encodeToString("release 1.2".getBytes(StandardCharsets.UTF_8)) + "\nindex 0\n\nx\n");
        assertThat(TlogProof.parse(proof.format()).extra()).hasValueSatisfying(e -> assertThat(e).asString(StandardCharsets.UTF_8).isEqualTo("release 1.2"));
    }

    @Test
    void rejectsMalformedFiles() {
        String hash = Base64.getEncoder().encodeToString(new byte[32]);
        assertRejected("c2sp.org/tlog-proof@v2\nindex 0\n\nnote", "tlog-proof: first line is not c2sp.org/tlog-proof@v1");
        assertRejected("c2sp.org/tlog-proof@v1\n" + hash + "\n\nnote", "tlog-proof: missing index line");
        assertRejected("c2sp.org/tlog-proof@v1\nindex 01\n\nnote", "tlog-proof: index has a leading zero");
        assertRejected("c2sp.org/tlog-proof@v1\nindex x\n\nnote", "tlog-proof: index is not a decimal number");
        assertRejected("c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\nnote", "tlog-proof: proof hash 0 is 3 bytes, want 32");
        assertRejected("c2sp.org/tlog-proof@v1\nindex 1\n" + hash, "tlog-proof: no blank line before the checkpoint");
        assertRejected("c2sp.org/tlog-proof@v1\nindex 1\n\n", "tlog-proof: no checkpoint after the blank line");
        assertRejected("c2sp.org/tlog-proof@v1\nindex 1\n" + (hash + "\n").repeat(64) + "\nnote",
                "tlog-proof: more than 63 proof hashes");
    }

    private static void assertRejected(String file, String message) {
        assertThatThrownBy(() -> TlogProof.parse(file)).isInstanceOf(TlogException.class).hasMessage(message);
    }
}
