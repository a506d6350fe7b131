package dev.sumlog.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cosign's encrypted key files: scrypt, then NaCl secretbox, around a PKCS#8 (or, from old cosign, SEC1) key. */
class CosignKeysTest {

    private static final String VARIABLE = SigningKey.PASSPHRASE_VARIABLE;
    /** scrypt cost for keys made here: cosign uses 32768 or 65536, but the layout is the same and the tests stay quick. */
    private static final int FAST_N = 1 << 12;

    // Published test vectors of go-securesystemslib's encrypted package (encrypted/encrypted_test.go,
    // secure-systems-lab/go-securesystemslib @ bcb0d9f5a5937da512ba7d00bd518035e68b3763), passphrase
    // "supersecret". They pin the JSON layout, scrypt and the secretbox. TestDecrypt's box holds the raw
    // plaintext "reallyimportant"; the kdfVectors are made by Marshal, so their box holds it as a JSON string
    // of its base64.
    private static final String VECTOR_DECRYPT = "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":32768,\"r\":8,\"p\":1},"
            + "\"salt\":\"N9a7x5JFGbrtB2uBR81jPwp0eiLR4A7FV3mjVAQrg1g=\"},\"cipher\":{\"name\":\"nacl/secretbox\","
            + "\"nonce\":\"2h8HxMmgRfuYdpswZBQaU3xJ1nkA/5Ik\"},\"ciphertext\":\"SEW6sUh0jf2wfdjJGPNS9+bkk2uB+Cxamf32zR8XkQ==\"}";
    private static final String VECTOR_STANDARD = "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":65536,\"r\":8,\"p\":1},"
            + "\"salt\":\"FhzPOt9/bJG4PTq6lQ6ecG6GzaOuOy/ynG5+yRiFlNs=\"},\"cipher\":{\"name\":\"nacl/secretbox\","
            + "\"nonce\":\"aw1ng1jHaDz/tQ7V2gR9O2+IGQ8xJEuE\"},\"ciphertext\":\"HycvuLZL4sYH0BrYTh4E/H20VtAW6u5zL5Pr+IBjYLYnCPzDkq8=\"}";

    // cosign's own published test keys, password "hello" (pkg/cosign/keys_test.go, constants pemsigstorekey
    // and pemcosigneckey, sigstore/cosign @ 11671a73744069f05c3f706700b35be1162080ee).
    private static final String COSIGN_SIGSTORE_KEY = """
            -----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----
            eyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6eyJOIjozMjc2OCwiciI6
            OCwicCI6MX0sInNhbHQiOiI3T3VGd2VsbWZZNXVId2NoaURSc210anNwZ2ZlZjFG
            Mk5lOGFDTjVLYVpZPSJ9LCJjaXBoZXIiOnsibmFtZSI6Im5hY2wvc2VjcmV0Ym94
            Iiwibm9uY2UiOiJQNHk4OGhCb3ZTa09MbXN0bFVBaGJwdDJ0K2xTNUxQSCJ9LCJj
            aXBoZXJ0ZXh0IjoiMnB1QzdyZldJOWh3bnJlQ2s4aUZDRlVwQlRrSzRJNlIvbFBF
            cnBDekpXUGpJWXl4eGVIL1A2VW52cFJHdVhla1NNb3JMdGhLamdoQ1JlNy82NDVH
            QWtoVm1LRC92eEF0S2EvbE1abENSQ3FlekJGUFd1dzNpeFRtZ2xhb2J1ZFVSbUVs
            bmNGOGlZbzBTMVl6Y1ZOMVFwY2J2c0dNcUlYRzVlbmdteGp5dCtBcXlyZTF0Q0Y0
            V01tU1BlaEljNlBqd2h1Q2xHaVpJUWRvTGc9PSJ9
            -----END ENCRYPTED SIGSTORE PRIVATE KEY-----
            """;
    private static final String COSIGN_EC_KEY = """
            -----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----
            eyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6eyJOIjo2NTUzNiwiciI6
            OCwicCI6MX0sInNhbHQiOiJHK3F5WTYrNzhNS0JzMXNGTGs1ajYwcS9kS3Z1czBW
            VkhlSHZybC9POTF3PSJ9LCJjaXBoZXIiOnsibmFtZSI6Im5hY2wvc2VjcmV0Ym94
            Iiwibm9uY2UiOiJRc2JGdG13WDRDK2ttV3ZCcVRaMEFGOUFYdk1jRmg1SCJ9LCJj
            aXBoZXJ0ZXh0IjoiREM5T28zeldiYVQzSXYwdFVnWEdycjUxYW1samwwNlQ5MTNP
            VkxPbWpuMWhnK2o2WXRUbWg3SGhZSlY1N2J5eGE0Q281bE9YYmRqbTJ3aklubEd1
            Um5aZCt5OExnekpSNzFSeEhKVzgrWmRlcFJmYWJMTjdHbDgrSFZEcERVQ3NxQnRh
            VngyblpGbFEwWUl1anZwbFphblNGaUVvdERLVGkxZ3VhUXIwUHNzYU01NXZxbTRY
            WS9rPSJ9
            -----END ENCRYPTED COSIGN PRIVATE KEY-----
            """;

    @TempDir
    Path dir;

    @Test
    void goSecureSystemsLibVectorsOpenWithTheirPassphraseAndNotWithAnother() {
        Map<String, String> plaintexts = Map.of(VECTOR_DECRYPT, "reallyimportant", VECTOR_STANDARD, "\"cmVhbGx5aW1wb3J0YW50\"");
        plaintexts.forEach((vector, plaintext) -> {
            CosignEncryptedKey box = CosignEncryptedKey.parse(Path.of("vector"), vector.getBytes(StandardCharsets.UTF_8));
            assertThat(box.open("supersecret")).hasValueSatisfying(
                    plain -> assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(plaintext));
            assertThat(box.open("supersecreT")).isEmpty();
        });
    }

    @Test
    void cosignsOwnTestKeysOpenWithTheirPassword() throws Exception {
        Path sigstoreKey = write("sigstore.key", COSIGN_SIGSTORE_KEY);
        // The older COSIGN-labelled key holds SEC1 inside the box, not PKCS#8 (cosign's own test expects that).
        Path ecKey = write("cosign-ec.key", COSIGN_EC_KEY);

        for (Path file : new Path[] {sigstoreKey, ecKey}) {
            SigningKey key = SigningKey.load(file, Map.of(VARIABLE, "hello"));
            assertThat(key.toString()).startsWith("SigningKey[ECDSA P-256, hint=");
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key.publicKey());
            verifier.update(new byte[] {1, 2, 3});
            assertThat(verifier.verify(key.sign(new byte[] {1, 2, 3}))).isTrue();
        }
        assertThat(error(sigstoreKey, Map.of(VARIABLE, "hellO"))).contains("does not open it");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A cosign-format key made here with the same scheme: salt, nonce, scrypt(N, 8, 1), secretbox, JSON, PEM. */
    static String cosignKey(String pemType, BigInteger privateScalar, String passphrase, int n) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[32];
        byte[] nonce = new byte[24];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] key = SCrypt.generate(passphrase.getBytes(StandardCharsets.UTF_8), salt, n, 8, 1, 32);
        byte[] box = SecretBox.seal(P256.pkcs8(privateScalar).getEncoded("DER"), nonce, key);
        Base64.Encoder b64 = Base64.getEncoder();
        String json = "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":" + n + ",\"r\":8,\"p\":1},\"salt\":\"" + b64.encodeToString(salt)
                + "\"},\"cipher\":{\"name\":\"nacl/secretbox\",\"nonce\":\"" + b64.encodeToString(nonce)
                + "\"},\"ciphertext\":\"" + b64.encodeToString(box) + "\"}";
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(pemType, json.getBytes(StandardCharsets.UTF_8)));
        }
        return text.toString();
    }

    static BigInteger newScalar() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return ((ECPrivateKey) generator.generateKeyPair().getPrivate()).getS();
    }

    @Test
    void aKeyInCosignsFormatLoadsWithThePassphraseAndSigns() throws Exception {
        BigInteger d = newScalar();
        for (String type : new String[] {"ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY"}) {
            Path file = write("made.key", cosignKey(type, d, "correct horse", FAST_N));

            SigningKey key = SigningKey.load(file, Map.of(VARIABLE, "correct horse"));

            assertThat(key.spkiDer()).isEqualTo(new SigningKey(d).spkiDer());
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key.publicKey());
            verifier.update("release".getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(key.sign("release".getBytes(StandardCharsets.UTF_8)))).isTrue();
        }
    }

    @Test
    void anEmptyPasswordKeyOpensWithNoVariableSetButNotWithAnotherPassphrase() throws Exception {
        BigInteger d = newScalar();
        Path file = write("empty.key", cosignKey("ENCRYPTED SIGSTORE PRIVATE KEY", d, "", FAST_N));

        assertThat(SigningKey.load(file, Map.of()).spkiDer()).isEqualTo(new SigningKey(d).spkiDer());
        assertThat(SigningKey.load(file, Map.of(VARIABLE, "")).spkiDer()).isEqualTo(new SigningKey(d).spkiDer());
        assertThat(error(file, Map.of(VARIABLE, "guess"))).contains("does not open it").doesNotContain("guess");
    }

    @Test
    void aPasswordKeyWithoutTheVariableAsksForIt() throws Exception {
        Path file = write("pw.key", cosignKey("ENCRYPTED SIGSTORE PRIVATE KEY", newScalar(), "pw", FAST_N));

        assertThat(error(file, Map.of())).contains("encrypted cosign key", "set " + VARIABLE);
    }

    @Test
    void aTamperedBoxOrBadParametersAreOneLineErrors() throws Exception {
        String good = cosignKey("ENCRYPTED SIGSTORE PRIVATE KEY", newScalar(), "pw", FAST_N);
        String json = new String(Base64.getMimeDecoder().decode(good.lines().filter(l -> !l.startsWith("-----"))
                .reduce("", String::concat)), StandardCharsets.UTF_8);
        String ciphertext = json.replaceAll(".*\"ciphertext\":\"([^\"]+)\".*", "$1");
        byte[] flipped = Base64.getDecoder().decode(ciphertext);
        flipped[20] ^= 1;

        assertThat(error(sigstorePem("tampered.key", json.replace(ciphertext, Base64.getEncoder().encodeToString(flipped))),
                Map.of(VARIABLE, "pw"))).contains("does not open it");
        assertThat(error(sigstorePem("huge.key", json.replace("\"N\":" + FAST_N, "\"N\":1048576")), Map.of(VARIABLE, "pw")))
                .contains("128 MiB");
        assertThat(error(sigstorePem("odd.key", json.replace("\"N\":" + FAST_N, "\"N\":30000")), Map.of(VARIABLE, "pw")))
                .contains("power of two");
        assertThat(error(sigstorePem("kdf.key", json.replace("scrypt", "argon2")), Map.of(VARIABLE, "pw")))
                .contains("kdf is not scrypt");
        assertThat(error(sigstorePem("json.key", "{not json"), Map.of(VARIABLE, "pw"))).contains("not the expected JSON");
    }

    private Path sigstorePem(String name, String json) throws Exception {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject("ENCRYPTED SIGSTORE PRIVATE KEY", json.getBytes(StandardCharsets.UTF_8)));
        }
        return write(name, text.toString());
    }

    private static String error(Path file, Map<String, String> env) {
        SigningKeyException error = assertThrows(SigningKeyException.class, () -> SigningKey.load(file, env));
        assertThat(error.getMessage()).doesNotContain("\n").startsWith("signing key " + file + ": ");
        return error.getMessage();
    }
}
