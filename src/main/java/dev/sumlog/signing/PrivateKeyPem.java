package dev.sumlog.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Finds the private key in a PEM file and returns it as PKCS#8, whatever wrapping it came in:
 * PKCS#8 ({@code openssl genpkey}), SEC1 ({@code openssl ecparam -genkey}, after an optional
 * {@code EC PARAMETERS} block), encrypted PKCS#8, and cosign's encrypted keys. The passphrase comes
 * from {@value #PASSPHRASE_VARIABLE} and never appears in a message.
 */
final class PrivateKeyPem {

    static final String PASSPHRASE_VARIABLE = "SUMLOG_SIGNING_KEY_PASSPHRASE";
    private PrivateKeyPem() {
    }

    static PrivateKeyInfo read(Path file, Map<String, String> env) {
        List<PemObject> blocks = PemFile.blocks(SigningKeyException.ROLE, file);
        byte[] curve = blocks.stream().filter(b -> b.getType().equals("EC PARAMETERS"))
                .map(PemObject::getContent).findFirst().orElse(null);
        PemObject key = blocks.stream().filter(b -> b.getType().endsWith("PRIVATE KEY")).findFirst()
                .orElseThrow(() -> notAPrivateKey(file, blocks));
        if (isLegacyEncrypted(key)) {
            throw SigningKeyException.about(file, "encrypted in OpenSSL's legacy format; convert a copy to encrypted PKCS#8 with "
                    + "`openssl pkcs8 -topk8 -v2 aes-256-cbc -in OLD -out NEW`");
        }
        return switch (key.getType()) {
            case "PRIVATE KEY" -> pkcs8OrSec1(file, key.getContent(), null);
            case "EC PRIVATE KEY" -> pkcs8OrSec1(file, key.getContent(), curve);
            case "ENCRYPTED PRIVATE KEY" -> decryptPkcs8(file, key.getContent(), env.get(PASSPHRASE_VARIABLE));
            case "ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY" ->
                    openCosign(file, key.getContent(), env.get(PASSPHRASE_VARIABLE));
            case "RSA PRIVATE KEY" -> throw P256.unsupported(file, "RSA");
            case "DSA PRIVATE KEY" -> throw P256.unsupported(file, "DSA");
            case "OPENSSH PRIVATE KEY" -> throw SigningKeyException.about(file, "OpenSSH key format; convert a copy to PKCS#8 "
                    + "with `ssh-keygen -p -m PKCS8 -f COPY`");
            default -> throw SigningKeyException.about(file, "unsupported PEM block '" + key.getType() + "'");
        };
    }

    /** PKCS#8 and SEC1 are both a SEQUENCE; the second element (an algorithm or an octet string) tells them apart. */
    private static PrivateKeyInfo pkcs8OrSec1(Path file, byte[] der, byte[] curveBlock) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            if (!(sequence.getObjectAt(1) instanceof ASN1OctetString)) {
                return PrivateKeyInfo.getInstance(sequence);
            }
            ECPrivateKey sec1 = ECPrivateKey.getInstance(sequence);
            ASN1Encodable curve = sec1.getParametersObject();
            if (curve == null && curveBlock != null) {
                curve = ASN1Primitive.fromByteArray(curveBlock);
            }
            if (curve == null) {
                throw SigningKeyException.about(file, "EC private key that names no curve");
            }
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), sec1);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SigningKeyException known) {
                throw known;
            }
            // The parser's own message could quote the bytes it choked on: say only where.
            throw SigningKeyException.about(file, "damaged private key (not valid DER)");
        }
    }

    private static PrivateKeyInfo decryptPkcs8(Path file, byte[] der, String passphrase) {
        if (passphrase == null) {
            throw SigningKeyException.about(file, "encrypted key; set " + PASSPHRASE_VARIABLE + " to its passphrase");
        }
        PKCS8EncryptedPrivateKeyInfo encrypted;
        try {
            encrypted = new PKCS8EncryptedPrivateKeyInfo(der);
        } catch (IOException | RuntimeException e) {
            throw SigningKeyException.about(file, "damaged encrypted private key (not valid DER)");
        }
        try {
            var decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(passphrase.toCharArray());
            return pkcs8OrSec1(file, encrypted.decryptPrivateKeyInfo(decryptor).getEncoded(), null);
        } catch (OperatorCreationException e) {
            throw SigningKeyException.about(file, "encrypted with a scheme sumlog cannot open; re-encrypt a copy with "
                    + "`openssl pkcs8 -topk8 -v2 aes-256-cbc`");
        } catch (Exception e) {
            // A wrong passphrase fails the padding check, or (1 time in 256) yields garbage that is not DER.
            throw wrongPassphrase(file);
        }
    }

    private static PrivateKeyInfo openCosign(Path file, byte[] body, String passphrase) {
        CosignEncryptedKey key = CosignEncryptedKey.parse(file, body);
        // cosign lets a key have the empty password; try it when no passphrase is set at all.
        Optional<byte[]> der = key.open(passphrase == null ? "" : passphrase);
        if (der.isEmpty()) {
            throw passphrase == null
                    ? SigningKeyException.about(file, "encrypted cosign key; set " + PASSPHRASE_VARIABLE
                            + " to its passphrase (what COSIGN_PASSWORD held)")
                    : wrongPassphrase(file);
        }
        return pkcs8OrSec1(file, der.get(), null);
    }

    private static SigningKeyException wrongPassphrase(Path file) {
        return SigningKeyException.about(file, "the passphrase in " + PASSPHRASE_VARIABLE
                + " does not open it (wrong passphrase, or a damaged file)");
    }

    private static SigningKeyException notAPrivateKey(Path file, List<PemObject> blocks) {
        if (blocks.isEmpty()) {
            return SigningKeyException.about(file, "not a PEM key file (no -----BEGIN ... PRIVATE KEY----- line)");
        }
        String type = blocks.get(0).getType();
        if (type.endsWith("PUBLIC KEY")) {
            return SigningKeyException.about(file, "holds a public key, not a private key (give the private key; "
                    + "the public key is what verifiers use)");
        }
        if (type.contains("CERTIFICATE")) {
            return SigningKeyException.about(file, "holds a certificate, not a private key");
        }
        return SigningKeyException.about(file, "holds no private key (its PEM block is '" + type + "')");
    }

    private static boolean isLegacyEncrypted(PemObject block) {
        for (Object header : block.getHeaders()) {
            if (header instanceof PemHeader h && h.getName().equals("Proc-Type") && h.getValue().contains("ENCRYPTED")) {
                return true;
            }
        }
        return false;
    }

    /** Bouncy Castle's provider, made on first use (only encrypted PKCS#8 needs it) and never registered globally. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
