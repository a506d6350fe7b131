package dev.sumlog.tlog.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.testing.FakeTsa;
import dev.sumlog.tlog.TlogException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trusted-root reader, on FakeTsa's entry and on each kind of malformed field. */
class TrustedRootTsasTest {

    private static FakeTsa tsa;

    @BeforeAll
    static void start() throws IOException {
        tsa = FakeTsa.start();
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static String root(String entry) {
        return "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"timestampAuthorities\":["
                + entry + "]}";
    }

    @Test
    void readsFakeTsasEntryBackToTheSameTrustedTsa() {
        List<TrustedTsa> read = TrustedRootTsas.read(root(tsa.trustedRootJson()), "root.json");
        assertThat(read).containsExactly(tsa.trustedTsa());
    }

    @Test
    void readsAnEndOfTheValidForWindow() {
        String entry = tsa.trustedRootJson().replace("\"validFor\":{", "\"validFor\":{\"end\":\"2030-01-01T00:00:00Z\",");
        assertThat(TrustedRootTsas.read(root(entry), "root.json").get(0).validTo())
                .contains(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void aRootWithoutTsasHasNone() {
        assertThat(TrustedRootTsas.read("{\"tlogs\":[]}", "root.json")).isEmpty();
    }

    @Test
    void eachMalformedFieldIsNamed() {
        String good = tsa.trustedRootJson();
        int certStart = good.indexOf("\"rawBytes\":\"") + 12;
        String firstCert = good.substring(certStart, good.indexOf('"', certStart));
        assertRejected("{", "trusted root root.json: not JSON");
        assertRejected("{\"timestampAuthorities\":{}}", "trusted root root.json: timestampAuthorities is not an array");
        assertRejected(root(good.replace("\"certChain\"", "\"chain\"")),
                "trusted root root.json: timestampAuthorities[0].certChain.certificates: missing or empty");
        assertRejected(root(good.replace(firstCert, "AAAA")),
                "trusted root root.json: timestampAuthorities[0].certChain.certificates[0].rawBytes: not a base64 DER X.509 certificate");
        assertRejected(root(good.replace("\"start\"", "\"begin\"")),
                "trusted root root.json: timestampAuthorities[0].validFor.start: missing");
        assertRejected(root(good.replace(tsa.validFrom().toString(), "yesterday")),
                "trusted root root.json: timestampAuthorities[0].validFor.start: not an RFC 3339 UTC time: yesterday");
        assertRejected(root(good.replace("\"validFor\":{", "\"validFor\":{\"end\":\"2000-01-01T00:00:00Z\",")),
                "trusted root root.json: timestampAuthorities[0].validFor: TSA validFor end 2000-01-01T00:00:00Z is not after its start "
                        + tsa.validFrom());
    }

    private static void assertRejected(String json, String message) {
        assertThatThrownBy(() -> TrustedRootTsas.read(json, "root.json"))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void trustedTsaKeepsItsInvariants() {
        assertThatThrownBy(() -> new TrustedTsa(List.of(), Instant.EPOCH, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        TrustedTsa open = new TrustedTsa(tsa.chain(), Instant.EPOCH, Optional.of(Instant.ofEpochSecond(10)));
        assertThat(open.validAt(Instant.EPOCH)).isTrue();
        assertThat(open.validAt(Instant.ofEpochSecond(10))).isFalse();
        assertThat(open.leaf()).isEqualTo(tsa.chain().get(0));
    }
}
