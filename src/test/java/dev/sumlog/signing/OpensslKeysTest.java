package dev.sumlog.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.support.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys made by the real openssl load, and what we sign with them, openssl verifies. */
class OpensslKeysTest {

    private static final String VARIABLE = SigningKey.PASSPHRASE_VARIABLE;

    @TempDir
    Path dir;
    Openssl openssl;

    @BeforeEach
    void openssl() {
        openssl = Openssl.in(dir);
    }

    @Test
    void sec1KeyFromEcparamSignsWhatOpensslVerifies() throws Exception {
        openssl.ok("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sec1.key");
        assertThat(Files.readString(dir.resolve("sec1.key"))).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertSignaturesVerifyInOpenssl(load("sec1.key"), "sec1.key");
    }

    @Test
    void sec1KeyAfterAnEcParametersBlockLoads() throws Exception {
        openssl.ok("ecparam", "-name", "prime256v1", "-genkey", "-out", "with-params.key");
        assertThat(Files.readString(dir.resolve("with-params.key"))).startsWith("-----BEGIN EC PARAMETERS-----");
        assertSignaturesVerifyInOpenssl(load("with-params.key"), "with-params.key");
    }

    @Test
    void pkcs8KeyFromGenpkeySignsWhatOpensslVerifies() throws Exception {
        genpkeyP256("pkcs8.key");
        assertThat(Files.readString(dir.resolve("pkcs8.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertSignaturesVerifyInOpenssl(load("pkcs8.key"), "pkcs8.key");
    }

    @Test
    void encryptedPkcs8OpensWithThePassphraseFromTheEnvironment() throws Exception {
        genpkeyP256("plain.key");
        openssl.ok("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:secret", "-in", "plain.key", "-out", "enc.key");
        assertThat(Files.readString(dir.resolve("enc.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        SigningKey key = SigningKey.load(dir.resolve("enc.key"), Map.of(VARIABLE, "secret"));

        assertThat(key.spkiDer()).isEqualTo(load("plain.key").spkiDer());
        assertSignaturesVerifyInOpenssl(key, "plain.key");
    }

    @Test
    void encryptedKeyWithoutOrWithAWrongPassphraseIsAOneLineErrorThatNeverShowsThePassphrase() throws Exception {
        genpkeyP256("plain.key");
        openssl.ok("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:secret", "-in", "plain.key", "-out", "enc.key");

        assertThat(error("enc.key", Map.of())).contains("encrypted", VARIABLE);
        String wrong = error("enc.key", Map.of(VARIABLE, "Wr0ng-Passphrase-42"));
        assertThat(wrong).contains(VARIABLE, "does not open it").doesNotContain("Wr0ng-Passphrase-42").doesNotContain("secret");
    }

    @Test
    void legacyOpensslEncryptionIsRefusedWithTheConversionCommand() throws Exception {
        genpkeyP256("plain.key");
        openssl.ok("ec", "-in", "plain.key", "-aes256", "-passout", "pass:secret", "-out", "legacy.key");
        Assumptions.assumeTrue(Files.readString(dir.resolve("legacy.key")).contains("Proc-Type: 4,ENCRYPTED"),
                "this openssl does not write the legacy encrypted format");

        assertThat(error("legacy.key", Map.of(VARIABLE, "secret"))).contains("legacy", "openssl pkcs8 -topk8");
    }

    @Test
    void otherKeyTypesAndCurvesAreNamedInTheError() throws Exception {
        openssl.ok("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        openssl.ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "p384.key");
        openssl.ok("genpkey", "-algorithm", "ED25519", "-out", "ed25519.key");
        openssl.ok("ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", "p384-sec1.key");

        assertThat(error("rsa.key", Map.of())).contains("RSA key", "only with ECDSA P-256");
        assertThat(error("p384.key", Map.of())).contains("ECDSA P-384 key", "only with ECDSA P-256");
        assertThat(error("p384-sec1.key", Map.of())).contains("ECDSA P-384 key");
        assertThat(error("ed25519.key", Map.of())).contains("Ed25519 key");
    }

    @Test
    void explicitCurveParametersAreRefusedWithAHint() throws Exception {
        openssl.ok("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-param_enc", "explicit", "-out", "explicit.key");

        assertThat(error("explicit.key", Map.of())).contains("explicit curve parameters", "named_curve");
    }

    @Test
    void aPublicKeyOrACertificateGivenAsThePrivateKeyIsAClearError() throws Exception {
        genpkeyP256("p256.key");
        openssl.ok("pkey", "-in", "p256.key", "-pubout", "-out", "p256.pub");
        openssl.ok("req", "-x509", "-new", "-key", "p256.key", "-subj", "/CN=sumlog test", "-days", "1", "-out", "cert.pem");

        assertThat(error("p256.pub", Map.of())).contains("holds a public key, not a private key");
        assertThat(error("cert.pem", Map.of())).contains("holds a certificate, not a private key");
    }

    @Test
    void missingGarbageDamagedAndUnreadableFilesAreOneLineErrorsNamingTheFile() throws Exception {
        Files.write(dir.resolve("garbage.key"), new byte[] {0, 1, 2, (byte) 0xff, '\n', 'x'});
        Files.writeString(dir.resolve("damaged.key"), "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("bad-base64.key"), "-----BEGIN PRIVATE KEY-----\n!!!!****\n-----END PRIVATE KEY-----\n");

        assertThat(error("missing.key", Map.of())).contains("no such file");
        assertThat(error("garbage.key", Map.of())).contains("not a PEM key file");
        assertThat(error("damaged.key", Map.of())).contains("damaged private key").doesNotContain("MIGHAgEAMBMG");
        assertThat(error("bad-base64.key", Map.of())).contains("damaged");
        assertThat(error(".", Map.of())).contains("is a directory");
    }

    @Test
    void anUnreadableFileIsAOneLineError() throws Exception {
        genpkeyP256("locked.key");
        Files.setPosixFilePermissions(dir.resolve("locked.key"), PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(dir.resolve("locked.key")), "running as root: every file is readable");
        assertThat(error("locked.key", Map.of())).contains("permission denied");
    }

    /** Our signatures (over the file, and over its digest) verify in openssl against openssl's view of the public key. */
    private void assertSignaturesVerifyInOpenssl(SigningKey key, String privateKeyFile) throws Exception {
        openssl.ok("pkey", "-in", privateKeyFile, "-pubout", "-out", "openssl.pub");
        // openssl writes the same canonical PEM Rekor does: so the derived public key is the file's own.
        assertThat(key.publicKeyPem()).isEqualTo(Files.readString(dir.resolve("openssl.pub")));

        byte[] data = "sumlog-1.0.tar.gz SHA256SUMS body\n".getBytes();
        Files.write(dir.resolve("data"), data);
        Files.write(dir.resolve("data.sig"), key.sign(data));
        Files.write(dir.resolve("digest.sig"), key.signDigest(Sha256.of(data)));
        assertThat(verify("data.sig", "data")).isTrue();
        assertThat(verify("digest.sig", "data")).isTrue();

        Files.write(dir.resolve("other"), "sumlog-1.0.tar.gz swapped\n".getBytes());
        assertThat(verify("data.sig", "other")).as("openssl must reject a signature over other bytes").isFalse();
    }

    private boolean verify(String signature, String file) throws Exception {
        Openssl.Result result = openssl.run("dgst", "-sha256", "-verify", "openssl.pub", "-signature", signature, file);
        assertThat(result.output()).containsAnyOf("Verified OK", "Verification failure");
        return result.exitCode() == 0 && result.output().contains("Verified OK");
    }

    private void genpkeyP256(String name) throws Exception {
        openssl.ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name);
    }

    private SigningKey load(String name) {
        return SigningKey.load(dir.resolve(name), Map.of());
    }

    /** The error message for a file, checked to be one line that names the file. */
    private String error(String name, Map<String, String> env) {
        Path file = dir.resolve(name);
        SigningKeyException error = org.junit.jupiter.api.Assertions.assertThrows(SigningKeyException.class,
                () -> SigningKey.load(file, env));
        assertThat(error.getMessage()).doesNotContain("\n").startsWith("signing key " + file + ": ");
        return error.getMessage();
    }
}
