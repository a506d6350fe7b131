package dev.sumlog.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReleaseEntryTest {

    private static final String SHA = "ab".repeat(32);

    @Test
    void formatIsExactlyTheDocumentedText() {
        ReleaseEntry entry = new ReleaseEntry("https://tarballs.opendev.org/", "openstack/nova/nova-27.0.0",
                "openstack/nova/nova-27.0.0.SHA256SUMS", SHA);

        assertThat(entry.text()).isEqualTo("""
                sumlog.dev/release/v1
                source https://tarballs.opendev.org/
                release openstack/nova/nova-27.0.0
                sums openstack/nova/nova-27.0.0.SHA256SUMS
                sums-sha256 %s
                """.formatted(SHA));
        assertThat(ReleaseEntry.parse(entry.bytes())).isEqualTo(entry);
    }

    @Test
    void controlCharactersAndPercentAreEscapedSoOneLineIsOneField() {
        ReleaseEntry entry = new ReleaseEntry("file:///srv/a%20b/", "x/odd\nname-1.0", "x/odd\rname\u007f-1.0.SHA256SUMS", SHA);

        assertThat(entry.text()).contains("source file:///srv/a%2520b/\n").contains("release x/odd%0Aname-1.0\n")
                .contains("sums x/odd%0Dname%7F-1.0.SHA256SUMS\n");
        assertThat(entry.text().lines()).hasSize(5);
        assertThat(ReleaseEntry.parse(entry.bytes())).isEqualTo(entry);
    }

    @Test
    void rejectsAnythingItWouldNotHaveWritten() {
        String good = new ReleaseEntry("s", "r", "p", SHA).text();
        for (String bad : new String[] {
                good.replace("release/v1", "release/v2"),
                good.replace("sums-sha256 ", "sums-sha256  "),
                good.substring(0, good.length() - 1),
                good + "extra 1\n",
                good.replace(SHA, SHA.toUpperCase()),
                good.replace("release r", "release %72")}) {
            assertThatThrownBy(() -> ReleaseEntry.parse(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesEntriesOverTheTileEntryLimit() {
        ReleaseEntry huge = new ReleaseEntry("s", "r".repeat(70_000), "p", SHA);
        assertThatThrownBy(huge::bytes).hasMessageContaining("over 65535");
    }
}
