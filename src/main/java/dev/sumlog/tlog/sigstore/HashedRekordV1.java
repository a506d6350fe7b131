package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.merkle.Rfc6962;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rekor v1 {@code hashedrekord} 0.0.1 entries: the request for {@code POST /api/v1/log/entries}
 * and the body the log stores.
 *
 * <p>Rekor stores Go's {@code json.Marshal} of its canonicalised entry: compact, keys in
 * alphabetical order (the struct order happens to be alphabetical), the key re-encoded as PEM.
 * So when the request already is that form (a lower-case hex digest and a canonical PEM, see
 * {@link #canonicalPem}), the stored body is the request byte for byte, and the entry's UUID
 * (its RFC 6962 leaf hash) can be known before sending, which makes retries idempotent.
 */
public final class HashedRekordV1 {

    public static final String API_VERSION = "0.0.1";
    public static final String KIND = "hashedrekord";

    private HashedRekordV1() {
    }

    /**
     * The JSON request body.
     *
     * @param sha256Hex lower-case hex SHA-256 of the artifact
     * @param signatureDer the signature over the artifact (ECDSA: ASN.1 DER)
     * @param publicKeyPem a PEM {@code PUBLIC KEY} (or {@code CERTIFICATE}) text, sent as is
     */
    public static String request(String sha256Hex, byte[] signatureDer, String publicKeyPem) {
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        ObjectNode entry = SigstoreJson.MAPPER.createObjectNode();
        entry.put("apiVersion", API_VERSION);
        entry.put("kind", KIND);
        ObjectNode spec = entry.putObject("spec");
        ObjectNode hash = spec.putObject("data").putObject("hash");
        hash.put("algorithm", "sha256");
        hash.put("value", sha256Hex);
        ObjectNode signature = spec.putObject("signature");
        signature.put("content", Base64.getEncoder().encodeToString(signatureDer));
        signature.putObject("publicKey").put("content",
                Base64.getEncoder().encodeToString(publicKeyPem.getBytes(StandardCharsets.UTF_8)));
        return CanonicalJson.write(entry);
    }

    /** The body the log will store for this request (the same bytes, given a canonical PEM). */
    public static byte[] canonicalBody(String sha256Hex, byte[] signatureDer, String publicKeyPem) {
        return request(sha256Hex, signatureDer, publicKeyPem).getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256(0x00 || body): the Merkle leaf hash of a stored body. */
    public static byte[] leafHash(byte[] body) {
        return Rfc6962.hashLeaf(body);
    }

    /** The entry UUID Rekor will report: hex of the leaf hash. */
    public static String uuid(byte[] body) {
        return HexFormat.of().formatHex(leafHash(body));
    }

    /**
     * The PEM Rekor writes back for a public key (Go's {@code pem.Encode}): BEGIN line, base64 of
     * the SPKI DER in 64-column lines, END line, each ending in a newline.
     */
    public static String canonicalPem(PublicKey key) {
        String b64 = Base64.getEncoder().encodeToString(key.getEncoded());
        StringBuilder pem = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            pem.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return pem.append("-----END PUBLIC KEY-----\n").toString();
    }
}
