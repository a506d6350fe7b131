package dev.sumlog.submit.remote;

import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The digest and signature inside a stored request, read back so the answer can be checked against
 * what was sent (the request is the record of truth: it was committed before the first send).
 */
record SignedRequest(byte[] sha256, byte[] signature) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** A hashedrekord 0.0.1 request: {@code spec.data.hash.value} (hex) and {@code spec.signature.content}. */
    static SignedRequest ofV1(String request) {
        JsonNode spec = JSON.readTree(request).path("spec");
        return new SignedRequest(HexFormat.of().parseHex(spec.path("data").path("hash").path("value").asString()),
                Base64.getDecoder().decode(spec.path("signature").path("content").asString()));
    }

    /** A hashedRekordRequestV002: {@code digest} and {@code signature.content}, both base64. */
    static SignedRequest ofV2(String request) {
        JsonNode body = JSON.readTree(request).path("hashedRekordRequestV002");
        return new SignedRequest(Base64.getDecoder().decode(body.path("digest").asString()),
                Base64.getDecoder().decode(body.path("signature").path("content").asString()));
    }
}
