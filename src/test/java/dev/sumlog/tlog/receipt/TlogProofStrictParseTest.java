package dev.sumlog.tlog.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.submit.ReleaseEntry;
import dev.sumlog.testing.Mutations;
import dev.sumlog.testing.Mutations.Mutant;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.MemoryTree;
import dev.sumlog.tlog.merkle.ProofGenerator;
import dev.sumlog.tlog.note.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TlogProof#parse} rejects every changed header byte. The checkpoint note after the first blank
 * line is opaque until {@link TlogProof#verify}, so changes there (or a change that makes an earlier
 * blank line) may parse, but never to the original value.
 */
class TlogProofStrictParseTest {

    static List<byte[]> validFiles() {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < 37; i++) {
            tree.appendEntry(("e" + i).getBytes(StandardCharsets.US_ASCII));
        }
        String note37 = new Checkpoint("example.com/log/testdata", 37, tree.root()).sign(TlogProofTest.SIGNER).format();
        byte[] entry = new ReleaseEntry("https://tarballs.opendev.org/", "openstack/nova/nova-27.0.0",
                "openstack/nova/nova-27.0.0.SHA256SUMS", "ab".repeat(32)).bytes();
        MemoryTree one = new MemoryTree();
        one.appendEntry(entry);
        String note1 = new Checkpoint("example.com/log/testdata", 1, one.root()).sign(TlogProofTest.SIGNER).format();
        return List.of(
                new TlogProof(Optional.of(entry), 11, new ProofGenerator(tree).inclusionProof(11, 37), note37),
                new TlogProof(Optional.empty(), 0, List.of(), note1),
                new TlogProof(Optional.of(new byte[] {1, 2, 3, 4}), 36, new ProofGenerator(tree).inclusionProof(36, 37),
                        note37))
                .stream().map(p -> p.format().getBytes(StandardCharsets.UTF_8)).toList();
    }

    @ParameterizedTest
    @MethodSource("validFiles")
    void everySingleByteChangeIsRejectedOrChangesTheProof(byte[] valid) {
        int noteStart = noteStart(valid);
        boolean[] value = headerValues(valid, noteStart);
        Predicate<Mutant> opaque = m -> m.position() >= noteStart || noteStart(m.bytes()) < noteStart;
        strictness().mayParse(opaque.or(m -> value[m.position()])).check(valid, Mutations.singleByteChanges(valid));
    }

    @ParameterizedTest
    @MethodSource("validFiles")
    void everyTruncationInTheHeaderIsRejected(byte[] valid) {
        int noteStart = noteStart(valid);
        strictness().mayParse(m -> m.position() > noteStart).check(valid, Mutations.truncations(valid));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            index 007|tlog-proof: index has a leading zero
            index 9223372036854775808|tlog-proof: index does not fit in 63 bits
            index -1|tlog-proof: index is not a decimal number
            index  1|tlog-proof: index is not a decimal number
            extra AAAA\\nextra AAAA\\nindex 1|tlog-proof: missing index line
            extra AAF=\\nindex 1|tlog-proof: extra data is not canonical base64
            extra AA==\\nindex 1\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=|tlog-proof: proof hash 0 is not canonical base64
            index 1\\nHASH\\nAA*A|tlog-proof: proof hash 1 is not base64
            index 1\\nHASH\\nAAA|tlog-proof: proof hash 1 is not padded base64
            index 1\\nHASH\\nAAAA|tlog-proof: proof hash 1 is 3 bytes, want 32
            'index 1\\n '|tlog-proof: proof hash 0 is not padded base64
            extra \\nindex 1|tlog-proof: extra data is not padded base64
            """)
    void messageNamesTheFailedCheck(String header, String message) {
        String lines = header.replace("\\n", "\n").replace("HASH", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        String file = "c2sp.org/tlog-proof@v1\n" + lines + "\n\nexample.com/log\n1\nAAAA\n";
        assertThat(TlogProof.parse(file.replace(lines, "index 1")).index()).isEqualTo(1);
        assertThatThrownBy(() -> TlogProof.parse(file)).isExactlyInstanceOf(TlogException.class).hasMessage(message);
    }

    @ParameterizedTest
    @MethodSource("validFiles")
    void validFilesRoundTrip(byte[] valid) {
        assertThat(TlogProof.parse(valid).format().getBytes(StandardCharsets.UTF_8)).isEqualTo(valid);
    }

    private static Mutations.Strictness<TlogProof> strictness() {
        return Mutations.parser(TlogProof::parse, TlogProof::format, TlogException.class, "tlog-proof: .+");
    }

    /** Bytes of the extra data, the index digits and the proof hashes: changes there may be another valid proof. */
    private static boolean[] headerValues(byte[] file, int noteStart) {
        boolean[] value = new boolean[file.length];
        String text = new String(file, 0, noteStart, StandardCharsets.ISO_8859_1);
        int lineStart = text.indexOf('\n') + 1;
        while (lineStart < noteStart - 1) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = text.substring(lineStart, lineEnd);
            int from = line.startsWith("extra ") || line.startsWith("index ") ? 6 : 0;
            java.util.Arrays.fill(value, lineStart + from, lineEnd, true);
            lineStart = lineEnd + 1;
        }
        return value;
    }

    /** Where the checkpoint note starts: after the first blank line. */
    private static int noteStart(byte[] file) {
        int blank = new String(file, StandardCharsets.ISO_8859_1).indexOf("\n\n");
        return blank < 0 ? Integer.MAX_VALUE : blank + 2;
    }
}
