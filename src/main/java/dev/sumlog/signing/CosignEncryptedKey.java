package dev.sumlog.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.SCrypt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens cosign's own key files ({@code ENCRYPTED SIGSTORE PRIVATE KEY}, and the older
 * {@code ENCRYPTED COSIGN PRIVATE KEY}): the PEM body is JSON from go-securesystemslib's
 * {@code encrypted} package,
 * <pre>{"kdf":{"name":"scrypt","params":{"N":..,"r":..,"p":..},"salt":b64},
 *  "cipher":{"name":"nacl/secretbox","nonce":b64},"ciphertext":b64}</pre>
 * where the 32-byte box key is scrypt(passphrase, salt, N, r, p) and the box holds the DER key
 * (PKCS#8 from cosign's {@code generate-key-pair} and {@code import-key-pair}).
 */
final class CosignEncryptedKey {

    /**
     * scrypt needs 128·N·r bytes of heap. cosign writes N = 32768 or 65536 with r = 8 (32 or 64 MiB);
     * anything past 128 MiB is refused rather than letting a crafted file exhaust the heap.
     */
    private static final long MAX_SCRYPT_BYTES = 128L << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final byte[] salt;
    private final int n;
    private final int r;
    private final int p;
    private final byte[] nonce;
    private final byte[] box;

    private CosignEncryptedKey(Path file, JsonNode root) {
        this.file = file;
        JsonNode kdf = root.path("kdf");
        JsonNode params = kdf.path("params");
        require("scrypt".equals(kdf.path("name").asString("")), "its kdf is not scrypt");
        require("nacl/secretbox".equals(root.path("cipher").path("name").asString("")), "its cipher is not nacl/secretbox");
        this.n = positiveInt(params.path("N"), "N");
        this.r = positiveInt(params.path("r"), "r");
        this.p = positiveInt(params.path("p"), "p");
        require(Integer.bitCount(n) == 1 && n > 1, "scrypt N is not a power of two");
        require(128L * n * r <= MAX_SCRYPT_BYTES && p <= 16, "scrypt parameters need more than 128 MiB");
        this.salt = base64(kdf.path("salt"), "kdf.salt");
        this.nonce = base64(root.path("cipher").path("nonce"), "cipher.nonce");
        require(nonce.length == SecretBox.NONCE_BYTES, "cipher.nonce is not 24 bytes");
        this.box = base64(root.path("ciphertext"), "ciphertext");
    }

    /** Parses the JSON body of a cosign key block; a malformed body is a one-line error naming the file. */
    static CosignEncryptedKey parse(Path file, byte[] pemBody) {
        try {
            return new CosignEncryptedKey(file, JSON.readTree(pemBody));
        } catch (JacksonException e) {
            throw SigningKeyException.about(file, "cosign key whose body is not the expected JSON");
        }
    }

    /** The DER key inside, or empty when the passphrase does not open the box. */
    Optional<byte[]> open(String passphrase) {
        byte[] key = SCrypt.generate(passphrase.getBytes(StandardCharsets.UTF_8), salt, n, r, p, SecretBox.KEY_BYTES);
        return SecretBox.open(box, nonce, key);
    }

    private void require(boolean ok, String problem) {
        if (!ok) {
            throw SigningKeyException.about(file, "cosign key not understood: " + problem);
        }
    }

    private int positiveInt(JsonNode node, String name) {
        require(node.isInt() && node.intValue() > 0, "scrypt " + name + " is not a positive integer");
        return node.intValue();
    }

    private byte[] base64(JsonNode node, String name) {
        require(node.isString(), name + " is missing");
        try {
            return Base64.getDecoder().decode(node.stringValue());
        } catch (IllegalArgumentException e) {
            throw SigningKeyException.about(file, "cosign key not understood: " + name + " is not base64");
        }
    }
}
