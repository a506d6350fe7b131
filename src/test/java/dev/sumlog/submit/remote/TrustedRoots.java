package dev.sumlog.submit.remote;

import dev.sumlog.fakes.FakeRekorV1;
import dev.sumlog.fakes.FakeRekorV2;
import dev.sumlog.testing.FakeTsa;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Sigstore trusted_root.json documents naming the fake logs and the fake TSA, as Sigstore's TUF root would. */
public final class TrustedRoots {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private TrustedRoots() {
    }

    public static String of(FakeRekorV1 v1, FakeRekorV2 v2, FakeTsa tsa) {
        List<String> tlogs = new ArrayList<>();
        if (v1 != null) {
            byte[] spki = v1.logKey().getEncoded();
            tlogs.add(tlog(v1.url(), spki, "PKIX_ECDSA_P256_SHA_256", java.util.HexFormat.of().parseHex(v1.logIdHex())));
        }
        if (v2 != null) {
            tlogs.add(tlog(v2.url(), v2.logKey().getEncoded(), "PKIX_ED25519", v2.keyId()));
        }
        return "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"tlogs\":["
                + String.join(",", tlogs) + "],\"certificateAuthorities\":[],\"ctlogs\":[],\"timestampAuthorities\":["
                + (tsa == null ? "" : tsa.trustedRootJson()) + "]}";
    }

    private static String tlog(String url, byte[] spki, String keyDetails, byte[] keyId) {
        return "{\"baseUrl\":\"" + url + "\",\"hashAlgorithm\":\"SHA2_256\",\"publicKey\":{\"rawBytes\":\""
                + B64.encodeToString(spki) + "\",\"keyDetails\":\"" + keyDetails
                + "\",\"validFor\":{\"start\":\"2020-01-01T00:00:00Z\"}},\"logId\":{\"keyId\":\""
                + B64.encodeToString(keyId) + "\"}}";
    }
}
