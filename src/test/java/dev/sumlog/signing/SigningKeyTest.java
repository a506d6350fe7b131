package dev.sumlog.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.support.Sha256;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key object itself: what it shows, what it signs, and keys whose halves disagree. */
class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void jdkPkcs8WithoutAnEmbeddedPublicKeyLoadsAndDerivesTheRightOne() throws Exception {
        KeyPair pair = newPair();
        Path file = pem("jdk.key", "PRIVATE KEY", pair.getPrivate().getEncoded());

        SigningKey key = SigningKey.load(file, Map.of());

        assertThat(key.spkiDer()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void aFileWhosePublicKeyIsNotItsPrivateKeysIsRefused() throws Exception {
        BigInteger d = ((ECPrivateKey) newPair().getPrivate()).getS();
        BigInteger other = ((ECPrivateKey) newPair().getPrivate()).getS();
        org.bouncycastle.asn1.sec.ECPrivateKey otherPublic = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                P256.pkcs8(other).parsePrivateKey());
        PrivateKeyInfo mixed = new PrivateKeyInfo(P256.ALGORITHM,
                new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, new DERBitString(otherPublic.getPublicKey().getOctets()), null));
        Path file = pem("mixed.key", "PRIVATE KEY", mixed.getEncoded());

        assertThatThrownBy(() -> SigningKey.load(file, Map.of())).isInstanceOf(SigningKeyException.class)
                .hasMessage("signing key " + file + ": the public key stored in it does not belong to its private key (damaged file)");
    }

    @Test
    void signDigestMeansTheSameAsSigningTheBytes() throws Exception {
        SigningKey key = new SigningKey(((ECPrivateKey) newPair().getPrivate()).getS());
        byte[] data = "SHA256SUMS of nova-30.0.0\n".getBytes(StandardCharsets.UTF_8);

        Signature overData = Signature.getInstance("SHA256withECDSA");
        overData.initVerify(key.publicKey());
        overData.update(data);
        assertThat(overData.verify(key.signDigest(Sha256.of(data)))).isTrue();

        Signature overDigest = Signature.getInstance("NONEwithECDSA");
        overDigest.initVerify(key.publicKey());
        overDigest.update(Sha256.of(data));
        assertThat(overDigest.verify(key.sign(data))).isTrue();
        // DER: SEQUENCE of two INTEGERs, at most 72 bytes for P-256.
        assertThat(key.sign(data)[0]).isEqualTo((byte) 0x30);
        assertThat(key.sign(data).length).isBetween(8, 72);
    }

    @Test
    void signDigestRefusesAnythingButThe32RawBytes() {
        SigningKey key = new SigningKey(BigInteger.valueOf(12345));
        byte[] hexText = Sha256.hex(new byte[0]).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> key.signDigest(new byte[31])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31");
        assertThatThrownBy(() -> key.signDigest(hexText)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
        assertThatThrownBy(() -> key.signDigest(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsTheTypeAndHintAndNoKeyMaterial() throws Exception {
        KeyPair pair = newPair();
        BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
        SigningKey key = new SigningKey(d);
        String shown = key.toString();

        assertThat(shown).isEqualTo("SigningKey[ECDSA P-256, hint=" + key.hint() + "]");
        assertThat(shown).doesNotContain(d.toString(), d.toString(16), Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(P256.pkcs8(d).getEncoded()).substring(40, 80));
    }

    @Test
    void hintIsBase64OfSha256OfTheSpkiAndKeyDetailsIsSigstoresName() throws Exception {
        KeyPair pair = newPair();
        SigningKey key = new SigningKey(((ECPrivateKey) pair.getPrivate()).getS());

        assertThat(key.hint()).isEqualTo(Base64.getEncoder().encodeToString(Sha256.of(pair.getPublic().getEncoded())));
        assertThat(key.hint()).hasSize(44).endsWith("=");
        assertThat(key.keyDetails()).isEqualTo("PKIX_ECDSA_P256_SHA_256");
        assertThat(key.publicKeyPem()).isEqualTo(PublicKeys.canonicalPem(pair.getPublic().getEncoded()));
        byte[] copy = key.spkiDer();
        copy[0] ^= 1;
        assertThat(key.spkiDer()).as("spkiDer hands out copies").isEqualTo(pair.getPublic().getEncoded());
    }

    private Path pem(String name, String type, byte[] der) throws Exception {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        }
        return Files.writeString(dir.resolve(name), text.toString());
    }

    private static KeyPair newPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
