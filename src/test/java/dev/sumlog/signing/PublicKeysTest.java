package dev.sumlog.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading published public keys, and the canonical PEM Rekor stores. */
class PublicKeysTest {

    @TempDir
    Path dir;

    @Test
    void canonicalPemHas64CharacterLinesEachEndingInANewline() throws Exception {
        byte[] spki = new byte[294]; // an RSA-2048 SPKI's size: 392 base64 characters, so a short last line
        for (int i = 0; i < spki.length; i++) {
            spki[i] = (byte) (i * 7);
        }
        String pem = PublicKeys.canonicalPem(spki);

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        List<String> body = pem.lines().filter(l -> !l.startsWith("-----")).toList();
        assertThat(body).hasSize(7);
        assertThat(body.subList(0, 6)).allSatisfy(line -> assertThat(line).hasSize(64));
        assertThat(body.get(6)).hasSize(392 - 6 * 64);
        assertThat(Base64.getDecoder().decode(String.join("", body))).isEqualTo(spki);
    }

    @Test
    void canonicalPemIsByteForByteWhatRekorStores() throws Exception {
        Path vectors = vectors();
        // A real Rekor v1 request body (sigstore/rekor testdata): its key is the PEM a Go client sends.
        JsonNode spec = JsonMapper.builder().build().readTree(vectors.resolve("rekor/hashedrekord-request.json").toFile()).path("spec");
        JsonNode signature = spec.path("signature");
        String pem = new String(Base64.getDecoder().decode(signature.path("publicKey").path("content").stringValue()),
                StandardCharsets.US_ASCII);
        Path keyFile = Files.writeString(dir.resolve("request.pub"), pem);

        PublicKey key = PublicKeys.readPem(keyFile);

        assertThat(PublicKeys.canonicalPem(key.getEncoded())).isEqualTo(pem);
        // And its signature is over the digest: what SigningKey.signDigest makes.
        Signature verifier = Signature.getInstance("NONEwithECDSA");
        verifier.initVerify(key);
        verifier.update(HexFormat.of().parseHex(spec.path("data").path("hash").path("value").stringValue()));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature.path("content").stringValue()))).isTrue();

        Path rekorPub = vectors.resolve("sigstore-java/rekor.pub");
        assertThat(PublicKeys.canonicalPem(PublicKeys.readPem(rekorPub).getEncoded())).isEqualTo(Files.readString(rekorPub));
    }

    @Test
    void readsTheKeyTypesOfSigstoresLogsAndSigners() throws Exception {
        Openssl openssl = Openssl.in(dir);
        openssl.ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.key");
        openssl.ok("genpkey", "-algorithm", "ED25519", "-out", "ed25519.key");
        openssl.ok("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        openssl.ok("genpkey", "-algorithm", "ED448", "-out", "ed448.key");
        for (String name : List.of("p256", "ed25519", "rsa", "ed448")) {
            openssl.ok("pkey", "-in", name + ".key", "-pubout", "-out", name + ".pub");
        }

        assertThat(PublicKeys.readPem(dir.resolve("p256.pub")).getAlgorithm()).isEqualTo("EC");
        assertThat(PublicKeys.readPem(dir.resolve("ed25519.pub")).getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(PublicKeys.readPem(dir.resolve("rsa.pub")).getAlgorithm()).isEqualTo("RSA");
        assertThat(PublicKeys.readPem(dir.resolve("p256.pub")).getEncoded())
                .isEqualTo(SigningKey.load(dir.resolve("p256.key"), java.util.Map.of()).spkiDer());
        assertThat(error(dir.resolve("ed448.pub"))).contains("Ed448 key");

        openssl.ok("req", "-x509", "-new", "-key", "p256.key", "-subj", "/CN=sumlog test", "-days", "1", "-out", "cert.pem");
        assertThat(error(dir.resolve("cert.pem"))).contains("holds a certificate", "openssl x509 -pubkey");
    }

    @Test
    void wrongFilesAreOneLineErrorsNamingTheFile() throws Exception {
        Path privateKey = Files.writeString(dir.resolve("release.key"),
                "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n");
        Path garbage = Files.writeString(dir.resolve("garbage.pub"), "not a key\n");

        assertThat(error(privateKey)).contains("holds a PRIVATE key").doesNotContain("MIGHAgEA");
        assertThat(error(garbage)).contains("not a PEM key file");
        assertThat(error(dir.resolve("missing.pub"))).contains("no such file");
    }

    private static String error(Path file) {
        SigningKeyException error = assertThrows(SigningKeyException.class, () -> PublicKeys.readPem(file));
        assertThat(error.getMessage()).doesNotContain("\n").startsWith("public key " + file + ": ");
        return error.getMessage();
    }

    private static Path vectors() {
        String property = System.getProperty("sumlog.vectors");
        Path vectors = property == null ? null : Path.of(property);
        boolean present = vectors != null && Files.isDirectory(vectors.resolve("rekor"));
        if (!present) {
            System.out.println("SKIPPED: shared vectors not found at " + property);
        }
        Assumptions.assumeTrue(present, "shared vectors not found at " + property);
        return vectors;
    }
}
