package dev.sumlog.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440VersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "27.0.0, 27.0.0",
            "27.0.0.0rc1, 27.0.0.0rc1",
            "27.0.0.0b1, 27.0.0.0b1",
            "1.0a1, 1.0a1",
            "12.2.13.2, 12.2.13.2",
            "0.21, 0.21",
            "2014.1, 2014.1",
            "2013.2.1, 2013.2.1",
            "1.0.0rc1, 1.0.0rc1",
            "1.0.dev3, 1.0.dev3",
            "1.0.post2, 1.0.post2",
            "1.0-1, 1.0.post1",
            "1.0-r4, 1.0.post4",
            "1.0rev, 1.0.post0",
            "1.0.post, 1.0.post0",
            "1!2.0, 1!2.0",
            "0!2.0, 2.0",
            "2025.2.0+abc123, 2025.2.0+abc123",
            "1.0+Ubuntu-1_2, 1.0+ubuntu.1.2",
            "1.0+007, 1.0+7",
            "v1.2.3, 1.2.3",
            "V1.2.3, 1.2.3",
            "1.0c1, 1.0rc1",
            "1.0pre1, 1.0rc1",
            "1.0preview2, 1.0rc2",
            "1.0-rc.1, 1.0rc1",
            "1.0_RC_1, 1.0rc1",
            "1.0alpha2, 1.0a2",
            "1.0.alpha.2, 1.0a2",
            "1.0beta, 1.0b0",
            "1.0B3, 1.0b3",
            "01.002.0003, 1.2.3",
            "1.0rc1.post2.dev3, 1.0rc1.post2.dev3",
            "1.0-dev, 1.0.dev0",
            "1.0a1-1, 1.0a1.post1",
            "123456789012345678901234567890.1, 123456789012345678901234567890.1",
    })
    void normalizes(String raw, String normalized) {
        assertThat(Pep440Version.parse(raw)).contains(normalized);
        assertThat(Pep440Version.parse(normalized)).as("normal form is a fixed point").contains(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "master", "latest", "stable", "stable-2023.1", "unmaintained-2023.1", "bugfix-21.1",
            "milestone-proposed", "2014.2.dev835.g45f6bd9", "1.0.0-py3", "1.0 ", " 1.0", "1..0", "1.",
            ".1", "1.0+", "1.0+a..b", "v", "1.0-foo", "abc123", "1.0-1-1", "1!", "1.0rc1rc2", "٣.٠"
    })
    void rejects(String raw) {
        assertThat(Pep440Version.parse(raw)).isEmpty();
        assertThat(Pep440Version.isValid(raw)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "python-novaclient, python-novaclient",
            "python_novaclient, python-novaclient",
            "oslo.config, oslo-config",
            "oslo_config, oslo-config",
            "XStatic-Angular, xstatic-angular",
            "Foo__Bar.-_baz, foo-bar-baz",
            "keystoneauth1, keystoneauth1",
    })
    void normalizesProjectNamesPerPep503(String raw, String normalized) {
        assertThat(ProjectNames.normalize(raw)).isEqualTo(normalized);
    }
}
