package dev.sumlog.sums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SumsLineTest {

    @Test
    void isImmutableAndComparesDigestsByContent() {
        byte[] digest = new byte[32];
        SumsLine line = new SumsLine("x", digest);
        digest[0] = 1;
        line.sha256()[1] = 1;

        assertThat(line.sha256()).isEqualTo(new byte[32]);
        assertThat(line).isEqualTo(new SumsLine("x", new byte[32])).hasSameHashCodeAs(new SumsLine("x", new byte[32]));
    }

    @Test
    void rejectsWhatNoSumsFileCanHold() {
        assertThatThrownBy(() -> new SumsLine("", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SumsLine("a\0b", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SumsLine("x", new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SumsLine("\uD800x", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SumsLine.ofHex("x", "abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
