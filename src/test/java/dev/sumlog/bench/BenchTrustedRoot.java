package dev.sumlog.bench;

import dev.sumlog.fakes.FakeRekorV2;
import dev.sumlog.testing.FakeTsa;
import java.util.Base64;

/**
 * A Sigstore trusted_root.json naming the bench's fake Rekor v2 (its Ed25519 key and key ID) and fake TSA,
 * as Sigstore's TUF root names the public ones. The v1 fake is trusted through its PEM key instead (job file
 * {@code log-key}), as in the v1 process tests.
 */
final class BenchTrustedRoot {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private BenchTrustedRoot() {
    }

    static String of(FakeRekorV2 v2, FakeTsa tsa) {
        String tlog = "{\"baseUrl\":\"" + v2.url() + "\",\"hashAlgorithm\":\"SHA2_256\",\"publicKey\":{\"rawBytes\":\""
                + B64.encodeToString(v2.logKey().getEncoded()) + "\",\"keyDetails\":\"PKIX_ED25519\","
                + "\"validFor\":{\"start\":\"2020-01-01T00:00:00Z\"}},\"logId\":{\"keyId\":\""
                + B64.encodeToString(v2.keyId()) + "\"}}";
        return "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"tlogs\":[" + tlog
                + "],\"certificateAuthorities\":[],\"ctlogs\":[],\"timestampAuthorities\":[" + tsa.trustedRootJson()
                + "]}\n";
    }
}
