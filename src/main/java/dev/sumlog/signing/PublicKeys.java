package dev.sumlog.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;

/** Public keys as PEM files: reading the SPKI keys that logs and signers publish, and Rekor's canonical form. */
public final class PublicKeys {

    private static final String ROLE = "public key";
    /** The NIST curves Rekor accepts for ECDSA. */
    private static final Set<ASN1ObjectIdentifier> EC_CURVES = Set.of(SECObjectIdentifiers.secp256r1,
            SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);

    private PublicKeys() {
    }

    /**
     * Reads an SPKI {@code PUBLIC KEY} PEM: ECDSA on P-256 (also P-384, P-521), Ed25519 or RSA, the key
     * types of Sigstore's logs and signers.
     *
     * @throws SigningKeyException a one-line message naming the file
     */
    public static PublicKey readPem(Path file) {
        List<PemObject> blocks = PemFile.blocks(ROLE, file);
        PemObject block = blocks.stream().filter(b -> b.getType().equals("PUBLIC KEY")).findFirst()
                .orElseThrow(() -> noPublicKey(file, blocks));
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(block.getContent());
        } catch (RuntimeException e) {
            throw PemFile.problem(ROLE, file, "damaged public key (not valid DER)");
        }
        String jdkAlgorithm = jdkAlgorithm(file, spki.getAlgorithm());
        try {
            return KeyFactory.getInstance(jdkAlgorithm).generatePublic(new X509EncodedKeySpec(block.getContent()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw PemFile.problem(ROLE, file, "damaged " + jdkAlgorithm + " public key");
        }
    }

    /**
     * The PEM text Rekor stores for a key: {@code -----BEGIN PUBLIC KEY-----\n}, base64 in 64-character
     * lines each ending in {@code \n}, then {@code -----END PUBLIC KEY-----\n} (Go's {@code pem.Encode}).
     * Sending exactly this lets a client predict the canonical entry body and its leaf hash.
     */
    public static String canonicalPem(byte[] spkiDer) {
        if (spkiDer.length == 0) {
            throw new IllegalArgumentException("an empty public key has no PEM form");
        }
        String body = new String(Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(spkiDer), StandardCharsets.US_ASCII);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static String jdkAlgorithm(Path file, AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey) && EC_CURVES.contains(algorithm.getParameters())) {
            return "EC";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        }
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA";
        }
        throw PemFile.problem(ROLE, file, P256.describe(algorithm)
                + " key; sumlog reads ECDSA (P-256, P-384, P-521), Ed25519 and RSA public keys");
    }

    private static SigningKeyException noPublicKey(Path file, List<PemObject> blocks) {
        if (blocks.isEmpty()) {
            return PemFile.problem(ROLE, file, "not a PEM key file (no -----BEGIN PUBLIC KEY----- line)");
        }
        String type = blocks.get(0).getType();
        if (type.endsWith("PRIVATE KEY")) {
            // Said plainly, because the user is about to publish the wrong file.
            return PemFile.problem(ROLE, file, "holds a PRIVATE key; give the public key (the .pub file)");
        }
        if (type.contains("CERTIFICATE")) {
            return PemFile.problem(ROLE, file, "holds a certificate; extract its key with `openssl x509 -pubkey -noout -in CERT`");
        }
        if (type.equals("RSA PUBLIC KEY")) {
            return PemFile.problem(ROLE, file, "PKCS#1 RSA public key; convert it with `openssl rsa -RSAPublicKey_in -pubout`");
        }
        return PemFile.problem(ROLE, file, "holds no public key (its PEM block is '" + type + "')");
    }
}
