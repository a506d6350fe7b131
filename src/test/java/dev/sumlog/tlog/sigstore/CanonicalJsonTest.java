package dev.sumlog.tlog.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return CanonicalJson.write(SigstoreJson.MAPPER.readTree(json));
    }

    @Test
    void sortsKeysRecursivelyAndDropsWhitespace() {
        assertThat(canonical("{ \"b\": [ 1, {\"z\": null, \"a\": true} ], \"a\": \"x\" }"))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":true,\"z\":null}]}");
    }

    @Test
    void sortsKeysByUtf16CodeUnitsAsRfc8785Section323() {
        String json = "{\"\\u20ac\":1,\"\\r\":2,\"\\ufb33\":3,\"1\":4,\"\\ud83d\\ude00\":5,\"\\u0080\":6,\"\\u00f6\":7}";
        assertThat(canonical(json)).isEqualTo(
                "{\"\\r\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,\"\ud83d\ude00\":5,\"\ufb33\":3}");
    }

    @Test
    void escapesOnlyWhatRfc8785Requires() {
        assertThat(canonical("{\"s\":\"\\u0001\\b\\t\\n\\f\\r\\\"\\\\/\\u007f\\u00e9<>&\"}"))
                .isEqualTo("{\"s\":\"\\u0001\\b\\t\\n\\f\\r\\\"\\\\/\u007f\u00e9<>&\"}");
    }

    @Test
    void refusesNumbersItCannotWriteCanonically() {
        assertThatThrownBy(() -> canonical("{\"n\":1.5}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("{\"n\":9007199254740993}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(canonical("{\"n\":-9007199254740991}")).isEqualTo("{\"n\":-9007199254740991}");
    }
}
