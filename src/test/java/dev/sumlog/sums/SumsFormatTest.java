package dev.sumlog.sums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SumsFormatTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "0123456789abcdef".repeat(4);

    @Test
    void writesTwoSpacesLowercaseHexAndLfOnly() {
        byte[] out = SumsFormat.format(List.of(SumsLine.ofHex("nova-27.0.0.tar.gz", C.toUpperCase())));
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(C + "  nova-27.0.0.tar.gz\n");
    }

    @Test
    void emptyListGivesEmptyFileAndBack() {
        assertThat(SumsFormat.format(List.of())).isEmpty();
        assertThat(SumsFormat.parse(new byte[0])).isEmpty();
    }

    @Test
    void escapesBackslashNewlineAndCarriageReturnLikeCoreutils() {
        List<SumsLine> lines = List.of(
                SumsLine.ofHex("a\\b", A), SumsLine.ofHex("new\nline", B), SumsLine.ofHex("cr\rx", C),
                SumsLine.ofHex("both\\\n", A), SumsLine.ofHex("plain name", B));

        String text = new String(SumsFormat.format(lines), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo(
                "\\" + A + "  a\\\\b\n"
                        + "\\" + A + "  both\\\\\\n\n"
                        + "\\" + C + "  cr\\rx\n"
                        + "\\" + B + "  new\\nline\n"
                        + B + "  plain name\n");
        assertThat(SumsFormat.parse(text.getBytes(StandardCharsets.UTF_8))).containsExactlyInAnyOrderElementsOf(lines);
    }

    @Test
    void sortsByUnsignedUtf8BytesNotByUtf16() {
        List<SumsLine> lines = List.of(
                SumsLine.ofHex("\uD83D\uDE00-1.0.tar.gz", A), // U+1F600: F0 9F 98 80
                SumsLine.ofHex("\uFF61-1.0.tar.gz", A),       // U+FF61: EF BD A1, after U+1F600 in UTF-16
                SumsLine.ofHex("caf\u00e9-1.0.tar.gz", A),    // C3 A9 sorts after every ASCII byte
                SumsLine.ofHex("cafe-1.0.tar.gz", A),
                SumsLine.ofHex("Zeta-1.0.tar.gz", A),
                SumsLine.ofHex("alpha-1.0.tar.gz", A),
                SumsLine.ofHex("Alpha-1.0.tar.gz", A),
                SumsLine.ofHex("alpha 1.0.tar.gz", A));

        List<String> order = SumsFormat.parse(SumsFormat.format(lines)).stream().map(SumsLine::name).toList();

        assertThat(order).containsExactly("Alpha-1.0.tar.gz", "Zeta-1.0.tar.gz", "alpha 1.0.tar.gz",
                "alpha-1.0.tar.gz", "cafe-1.0.tar.gz", "caf\u00e9-1.0.tar.gz", "\uFF61-1.0.tar.gz",
                "\uD83D\uDE00-1.0.tar.gz");
        assertThat("\uFF61".compareTo("\uD83D\uDE00")).as("String order would differ").isPositive();
    }

    @Test
    void formatIsIndependentOfInputOrder() {
        List<SumsLine> lines = List.of(SumsLine.ofHex("b", A), SumsLine.ofHex("a", B), SumsLine.ofHex("c", C));
        assertThat(SumsFormat.format(lines)).isEqualTo(SumsFormat.format(List.of(lines.get(2), lines.get(0), lines.get(1))));
    }

    @Test
    void refusesDuplicateNames() {
        assertThatThrownBy(() -> SumsFormat.format(List.of(SumsLine.ofHex("x", A), SumsLine.ofHex("x", B))))
                .isInstanceOf(SumsFormatException.class).hasMessageContaining("duplicate");
    }

    @Test
    void parsesTheOtherUntaggedGnuFormsAndAMissingFinalNewline() {
        String text = "\\" + A.toUpperCase() + " *bin\\\\ary\n" + B + "  trailing space \n" + C + "  last";
        List<SumsLine> lines = SumsFormat.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(lines).containsExactly(SumsLine.ofHex("bin\\ary", A), SumsLine.ofHex("trailing space ", B),
                SumsLine.ofHex("last", C));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "blank line                | 2 | empty line",
            "comment                   | 1 | digest is not 64 hex",
            "BSD tagged                | 1 | digest is not 64 hex",
            "CRLF ending               | 1 | carriage return",
            "one space only            | 1 | two spaces",
            "tab separator             | 1 | two spaces",
            "short digest              | 1 | digest is not 64 hex",
            "no name                   | 1 | too short",
            "unknown escape            | 1 | unknown escape",
            "lone trailing backslash   | 1 | lone backslash",
            "duplicate name            | 2 | duplicate",
            "invalid UTF-8             | 1 | not valid UTF-8",
    })
    void rejectsMalformedLinesNamingTheLine(String malformation, int line, String message) {
        byte[] bad = malformed(malformation);
        assertThatThrownBy(() -> SumsFormat.parse(bad))
                .isInstanceOf(SumsFormatException.class)
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SumsFormatException) e).lineNumber()).isEqualTo(line));
    }

    @Test
    void readsTheRgetVectorWhenPresent() throws IOException {
        Path vector = Path.of(System.getProperty("sumlog.vectors", "../shared/vectors"), "rget", "rget-v0.0.6.SHA256SUMS");
        Assumptions.assumeTrue(Files.isRegularFile(vector), "shared vectors not found at " + vector);
        List<SumsLine> lines = SumsFormat.parse(Files.readAllBytes(vector));
        assertThat(lines).hasSize(5);
        assertThat(SumsFormat.parse(SumsFormat.format(lines))).containsExactlyInAnyOrderElementsOf(lines);
    }

    private static byte[] malformed(String kind) {
        String good = A + "  good.tar.gz\n";
        String text;
        switch (kind) {
            case "blank line": text = good + "\n"; break;
            case "comment": text = "# " + A + "  x.tar.gz\n"; break;
            case "BSD tagged": text = "SHA256 (x.tar.gz) = " + A + "\n"; break;
            case "CRLF ending": text = A + "  x.tar.gz\r\n"; break;
            case "one space only": text = A + " x.tar.gz\n"; break;
            case "tab separator": text = A + "\t x.tar.gz\n"; break;
            case "short digest": text = A.substring(2) + "  x.tar.gz\n"; break;
            case "no name": text = A + "  \n"; break;
            case "unknown escape": text = "\\" + A + "  x\\t.tar.gz\n"; break;
            case "lone trailing backslash": text = "\\" + A + "  x.tar.gz\\\n"; break;
            case "duplicate name": text = good + good; break;
            case "invalid UTF-8": return concat((A + "  x").getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, '\n'});
            default: throw new IllegalArgumentException(kind);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
