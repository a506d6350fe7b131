package dev.sumlog.sums;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.testing.Mutations;
import dev.sumlog.testing.Mutations.Mutant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SumsFormat#parse} rejects every changed byte of what {@link SumsFormat#format} writes, except in
 * digests, file names and line ends (a changed LF joins two lines into one longer name): there a change
 * may give another valid file, never the same lines. Upper-case hex, the ' *' binary marker and a missing
 * final LF are the documented other spellings and must give the same lines.
 */
class SumsFormatStrictParseTest {

    private static final String A = "0123456789abcdef".repeat(4);
    private static final String B = "fedcba9876543210".repeat(4);

    static List<byte[]> validFiles() {
        return List.of(
                SumsFormat.format(List.of(SumsLine.ofHex("nova-27.0.0.tar.gz", A), SumsLine.ofHex("dir/b c.whl", B),
                        SumsLine.ofHex("\u00fcber.txt", A))),
                SumsFormat.format(List.of(SumsLine.ofHex("back\\slash", A), SumsLine.ofHex("new\nline", B),
                        SumsLine.ofHex("cr\rx", A), SumsLine.ofHex("z", B))));
    }

    @ParameterizedTest
    @MethodSource("validFiles")
    void everySingleByteChangeIsRejectedOrChangesTheLines(byte[] valid) {
        Layout layout = new Layout(valid);
        Predicate<Mutant> otherSpelling = m -> layout.inDigest[m.position()]
                ? valid[m.position()] >= 'a' && m.bytes()[m.position()] == valid[m.position()] - 0x20
                : layout.modeMarker[m.position()] && m.bytes()[m.position()] == '*';
        strictness().mayParse(m -> layout.inNameOrLf[m.position()] || layout.inDigest[m.position()])
                .sameValue(otherSpelling)
                .check(valid, Mutations.singleByteChanges(valid));
    }

    @ParameterizedTest
    @MethodSource("validFiles")
    void everyTruncationIsRejectedUnlessItEndsALineOrInAName(byte[] valid) {
        Layout layout = new Layout(valid);
        strictness().mayParse(m -> layout.lineStart[m.position()] || layout.inNameOrLf[m.position() - 1])
                .sameValue(m -> m.position() == valid.length - 1) // only the final LF missing
                .check(valid, Mutations.truncations(valid));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {A}  a\\n{B}  a\\n              | line 2: duplicate file name: a
            {A}  a\\n\\n{B}  b\\n           | line 2: empty line
            {A}  a\\n{B}  b\\r\\n           | line 2: raw carriage return (CRLF line ending?)
            {A}  a\\n{B}  \\n               | line 2: too short for '<64 hex>  <name>'
            {A}  a\\n{B}g  b\\n             | line 2: digest must be followed by two spaces (or ' *')
            {A}  a\\n\u0661{B}  b\\n        | line 2: digest is not 64 hex digits
            SHA256 (a) = {A}               | line 1: digest is not 64 hex digits
            {A}  a\\n{B} *b\\n{A}  c\\n{B}  d\\0\\n | line 4: file name contains NUL
            \\\\{A}  a\\\\tb               | line 1: unknown escape '\\t' in file name
            \\\\{A}  ab\\\\                | line 1: file name ends in a lone backslash
            {A}  a\\n{B}  b~\\n            | line 2: not valid UTF-8
            """)
    void messageNamesTheLineAndTheFailedCheck(String text, String message) {
        byte[] bad = text.replace("\\\\", "\\").replace("\\n", "\n").replace("\\r", "\r").replace("\\0", "\0")
                .replace("{A}", A).replace("{B}", B).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bad.length; i++) {
            bad[i] = bad[i] == '~' ? (byte) 0xff : bad[i]; // '~' stands for a byte that is never UTF-8
        }
        assertThatThrownBy(() -> SumsFormat.parse(bad)).isExactlyInstanceOf(SumsFormatException.class).hasMessage(message);
    }

    private static Mutations.Strictness<List<SumsLine>> strictness() {
        return Mutations.parser(SumsFormat::parse, lines -> lines, SumsFormatException.class, "line [1-9][0-9]*: .+");
    }

    /** Per byte of a formatted file: which part of its line it is. */
    private static final class Layout {
        final boolean[] lineStart;
        final boolean[] inDigest;
        final boolean[] modeMarker;
        final boolean[] inNameOrLf;

        Layout(byte[] file) {
            int n = file.length;
            lineStart = new boolean[n + 1];
            inDigest = new boolean[n];
            modeMarker = new boolean[n];
            inNameOrLf = new boolean[n];
            for (int start = 0; start < n; ) {
                lineStart[start] = true;
                int hex = file[start] == '\\' ? start + 1 : start;
                int name = hex + 66;
                int end = new String(file, StandardCharsets.ISO_8859_1).indexOf('\n', name);
                java.util.Arrays.fill(inDigest, hex, hex + 64, true);
                modeMarker[hex + 65] = true;
                java.util.Arrays.fill(inNameOrLf, name, end + 1, true);
                start = end + 1;
            }
            lineStart[n] = true;
        }
    }
}
