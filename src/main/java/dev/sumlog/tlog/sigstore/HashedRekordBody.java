package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;

/**
 * What a stored {@code hashedrekord} body (v1 0.0.1 or v2 0.0.2) says was signed: the
 * artifact's SHA-256, the signature, and the verifier (a public key or a certificate).
 *
 * @param apiVersion {@code 0.0.1} or {@code 0.0.2}
 * @param sha256 the artifact digest the entry names
 * @param signature the signature bytes
 * @param verifierDer SPKI DER of the key, or DER of the (leaf) certificate
 * @param certificate true iff {@code verifierDer} is a certificate
 */
public record HashedRekordBody(String apiVersion, byte[] sha256, byte[] signature, byte[] verifierDer,
        boolean certificate) {

    public HashedRekordBody {
        sha256 = sha256.clone();
        signature = signature.clone();
        verifierDer = verifierDer.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] verifierDer() {
        return verifierDer.clone();
    }

    /** The signer's public key: the key itself, or the certificate's subject key. */
    public PublicKey verifierKey() {
        return certificate
                ? TrustedRoot.certificate(verifierDer, "hashedrekord body: verifier").getPublicKey()
                : PublicKeys.fromSpki(verifierDer);
    }

    /** Parses a stored body; only SHA-256 hashedrekord entries are supported. */
    public static HashedRekordBody parse(byte[] body) {
        String where = "hashedrekord body";
        JsonNode root = SigstoreJson.read(new String(body, StandardCharsets.UTF_8), where);
        String kind = SigstoreJson.string(root, "kind", where);
        if (!kind.equals(HashedRekordV1.KIND)) {
            throw new TlogException(where + ": kind '" + kind + "' is not supported, only hashedrekord");
        }
        String version = SigstoreJson.string(root, "apiVersion", where);
        JsonNode spec = SigstoreJson.object(root, "spec", where);
        return switch (version) {
            case HashedRekordV1.API_VERSION -> v1(spec, where + " 0.0.1: spec");
            case HashedRekordV2.API_VERSION -> v2(SigstoreJson.object(spec, "hashedRekordV002", where), where + " 0.0.2");
            default -> throw new TlogException(where + ": apiVersion '" + version + "' is not supported");
        };
    }

    private static HashedRekordBody v1(JsonNode spec, String where) {
        JsonNode hash = SigstoreJson.object(SigstoreJson.object(spec, "data", where), "hash", where + ".data");
        requireAlgorithm(SigstoreJson.string(hash, "algorithm", where + ".data.hash"), "sha256", where);
        byte[] digest = SigstoreJson.hex(hash, "value", where + ".data.hash");
        JsonNode signature = SigstoreJson.object(spec, "signature", where);
        byte[] content = SigstoreJson.base64(signature, "content", where + ".signature");
        String pem = new String(SigstoreJson.base64(SigstoreJson.object(signature, "publicKey", where + ".signature"),
                "content", where + ".signature.publicKey"), StandardCharsets.UTF_8);
        boolean isCertificate = pem.contains("-----BEGIN CERTIFICATE-----");
        byte[] der;
        try {
            der = PublicKeys.pemBlock(pem, isCertificate ? "CERTIFICATE" : "PUBLIC KEY");
        } catch (IllegalArgumentException e) {
            throw new TlogException(where + ".signature.publicKey: not a PEM public key or certificate", e);
        }
        return new HashedRekordBody(HashedRekordV1.API_VERSION, digest, content, der, isCertificate);
    }

    private static HashedRekordBody v2(JsonNode spec, String where) {
        JsonNode data = SigstoreJson.object(spec, "data", where);
        requireAlgorithm(SigstoreJson.string(data, "algorithm", where + ".data"), "SHA2_256", where);
        byte[] digest = SigstoreJson.base64(data, "digest", where + ".data");
        JsonNode signature = SigstoreJson.object(spec, "signature", where);
        byte[] content = SigstoreJson.base64(signature, "content", where + ".signature");
        JsonNode verifier = SigstoreJson.object(signature, "verifier", where + ".signature");
        var key = SigstoreJson.optionalObject(verifier, "publicKey", where + ".signature.verifier");
        if (key.isPresent()) {
            byte[] spki = SigstoreJson.base64(key.get(), "rawBytes", where + ".signature.verifier.publicKey");
            return new HashedRekordBody(HashedRekordV2.API_VERSION, digest, content, spki, false);
        }
        JsonNode cert = SigstoreJson.object(verifier, "x509Certificate", where + ".signature.verifier");
        byte[] der = SigstoreJson.base64(cert, "rawBytes", where + ".signature.verifier.x509Certificate");
        return new HashedRekordBody(HashedRekordV2.API_VERSION, digest, content, der, true);
    }

    private static void requireAlgorithm(String algorithm, String expected, String where) {
        if (!algorithm.equals(expected)) {
            throw new TlogException(where + ": digest algorithm '" + algorithm + "' is not supported, only " + expected);
        }
    }

    /** Lower-case hex of {@link #sha256}, for messages. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }
}
