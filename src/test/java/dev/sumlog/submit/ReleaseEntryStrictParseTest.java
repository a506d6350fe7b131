package dev.sumlog.submit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.testing.Mutations;
import dev.sumlog.testing.Mutations.Mutant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ReleaseEntry#parse} rejects every change {@link ReleaseEntry#bytes()} would not have written. */
class ReleaseEntryStrictParseTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    static List<ReleaseEntry> validEntries() {
        return List.of(
                new ReleaseEntry("https://tarballs.opendev.org/", "openstack/nova/nova-27.0.0",
                        "openstack/nova/nova-27.0.0.SHA256SUMS", SHA),
                // escapes and multi-byte UTF-8, so mutations land inside %XX and inside a character
                new ReleaseEntry("file:///srv/a%b/", "x/\u00fcber\n-1.0", "x/\u00fcber\r\u007f.SHA256SUMS", SHA));
    }

    @org.junit.jupiter.api.Test
    void aSupersedingEntryRoundTripsAndItsLastLineIsChecked() {
        String older = "fedcba9876543210".repeat(4);
        ReleaseEntry entry = new ReleaseEntry("s", "r", "p", SHA, older);
        org.assertj.core.api.Assertions.assertThat(entry.text()).endsWith("sums-sha256 " + SHA + "\nsupersedes " + older + "\n");
        org.assertj.core.api.Assertions.assertThat(ReleaseEntry.parse(entry.bytes())).isEqualTo(entry);
        byte[] valid = entry.bytes();
        strictness().mayParse(insideAValue(valid)).check(valid, Mutations.singleByteChanges(valid));
        assertThatThrownBy(() -> ReleaseEntry.parse(entry.text().replace("supersedes ", "superseded ").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("release entry: line 6: expected field 'supersedes'");
        assertThatThrownBy(() -> ReleaseEntry.parse(entry.text().replace(older, older.toUpperCase()).getBytes(StandardCharsets.UTF_8)))
                .hasMessage("release entry: line 6: supersedes is not 64 lowercase hex digits");
    }

    @ParameterizedTest
    @MethodSource("validEntries")
    void everySingleByteChangeIsRejectedOrChangesTheEntry(ReleaseEntry entry) {
        byte[] valid = entry.bytes();
        strictness().mayParse(insideAValue(valid)).check(valid, Mutations.singleByteChanges(valid));
    }

    @ParameterizedTest
    @MethodSource("validEntries")
    void everyTruncationIsRejected(ReleaseEntry entry) {
        byte[] valid = entry.bytes();
        strictness().check(valid, Mutations.truncations(valid));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            release/v1|release/v2|release entry: line 1 is not sumlog.dev/release/v1
            "sums-sha256 "|"sums-sha256  "|release entry: line 5: sums-sha256 is not 64 lowercase hex digits
            0123456789abcdef\\n|0123456789ABCDEF\\n|release entry: line 5: sums-sha256 is not 64 lowercase hex digits
            release r|releases r|release entry: line 3: expected field 'release'
            sums p|source p|release entry: line 4: expected field 'sums'
            release r|release r%7G|release entry: line 3: bad %-escape
            source s|source s%|release entry: line 2: bad %-escape
            release r|release %72|release entry: not in canonical form
            release r|release r%7f|release entry: not in canonical form
            \\n|\\r\\n|release entry: line 1 is not sumlog.dev/release/v1
            """)
    void messageNamesTheFailedCheck(String from, String to, String message) {
        String good = new ReleaseEntry("s", "r", "p", SHA).text();
        String bad = good.replaceFirst(java.util.regex.Pattern.quote(from.replace("\\n", "\n").replace("\\r", "\r")),
                to.replace("\\n", "\n").replace("\\r", "\r"));
        assertThatThrownBy(() -> ReleaseEntry.parse(bad.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "" | release entry: line 1 is not sumlog.dev/release/v1
            sumlog.dev/release/v1\\n | release entry: want exactly 5 lines (6 with supersedes), each ending in LF
            sumlog.dev/release/v1\\nsource s\\nrelease r\\nsums p\\nsums-sha256 x\\n\\n\\n | release entry: want exactly 5 lines (6 with supersedes), each ending in LF
            sumlog.dev/release/v1\\nrelease r\\nsource s\\nsums p\\nsums-sha256 x\\n | release entry: line 2: expected field 'source'
            """)
    void structuralMessagesNameTheFailedCheck(String text, String message) {
        byte[] bytes = text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReleaseEntry.parse(bytes))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static Mutations.Strictness<ReleaseEntry> strictness() {
        return Mutations.parser(ReleaseEntry::parse, e -> e, IllegalArgumentException.class, "release entry: .+");
    }

    /** Mutants changing a byte of a field value (after "name "): those may be another valid entry. */
    private static Predicate<Mutant> insideAValue(byte[] valid) {
        boolean[] inValue = new boolean[valid.length];
        boolean header = true;
        boolean value = false;
        for (int i = 0; i < valid.length; i++) {
            if (valid[i] == '\n') {
                header = false;
                value = false;
            } else if (!header && !value && valid[i] == ' ') {
                value = true;
                continue;
            }
            inValue[i] = value;
        }
        return m -> inValue[m.position()];
    }
}
