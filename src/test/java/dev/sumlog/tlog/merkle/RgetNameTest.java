package dev.sumlog.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RgetNameTest {

    @Test
    void rgetV006() {
        byte[] sums = Vectors.bytes("rget/rget-v0.0.6.SHA256SUMS");
        List<byte[]> digests = RgetName.digestsOf(sums);
        assertThat(digests).hasSize(5);
        assertThat(digests.get(0)).isEqualTo(Vectors.hex("d4cb7fc206cbd147b3397c1e1b88513831c9780fc9675bebc300112365979465"));
        assertThat(RgetName.of(digests)).isEqualTo("cd83cf8f413393d30d53626c5f17f9ae.af90c0ab70bffa127b54cdb82d3c1499");
        assertThat(RgetName.ofSha256Sums(sums)).isEqualTo(RgetName.of(digests));
    }

    @Test
    void binaryModeMarkerAndCrlfAreAccepted() {
        String hex = "d4cb7fc206cbd147b3397c1e1b88513831c9780fc9675bebc300112365979465";
        List<byte[]> digests = RgetName.digestsOf((hex + " *a.tar.gz\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(digests).singleElement().isEqualTo(Vectors.hex(hex));
    }

    @Test
    void rejectsMalformedFiles() {
        assertThatThrownBy(() -> RgetName.digestsOf("abc  x\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TlogException.class).hasMessageStartingWith("SHA256SUMS: line 1");
        assertThatThrownBy(() -> RgetName.digestsOf("z".repeat(64).concat("  x").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("SHA256SUMS: line 1: digest is not hex");
        assertThatThrownBy(() -> RgetName.digestsOf(new byte[0])).hasMessage("SHA256SUMS: no digests");
        assertThatThrownBy(() -> RgetName.of(List.of(new byte[31]))).hasMessageContaining("want 32");
    }
}
