package dev.sumlog.verify;

import dev.sumlog.support.OneLine;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckResultTest {

    @Test
    void linesAreAlignedByStatus() {
        assertThat(CheckResult.ok(Check.ENTRY, "fine").line()).isEqualTo("ok   entry: fine");
        assertThat(CheckResult.fail(Check.INCLUSION, "bad").line()).isEqualTo("FAIL inclusion: bad");
        assertThat(CheckResult.skip(Check.CONSISTENCY, "offline").line()).isEqualTo("skip consistency: offline");
    }

    @Test
    void aFileNameWithALineBreakCannotForgeASecondLine() {
        String name = "evil\nok   consistency: all good\r\u0007.tar.gz";

        String line = CheckResult.fail(Check.FILE_IN_SUMS, OneLine.quote(name) + " is not listed").line();

        assertThat(line).hasLineCount(1)
                .isEqualTo("FAIL file-in-sums: 'evil\\nok   consistency: all good\\r\\x07.tar.gz' is not listed");
    }
}
