package dev.sumlog.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The one key type sumlog signs with: ECDSA on NIST P-256 (Rekor's and cosign's default). Checks a
 * parsed private key, derives its public half (a PKCS#8 key need not carry it) and converts both to
 * JDK keys, so signing runs on the JDK's own provider.
 */
final class P256 {

    static final AlgorithmIdentifier ALGORITHM = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
            SECObjectIdentifiers.secp256r1);
    private static final X9ECParameters CURVE = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1);

    private P256() {
    }

    /** The private scalar of a P-256 key; any other key is a one-line error naming the type found. */
    static BigInteger privateScalar(Path file, PrivateKeyInfo info) {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        if (algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)
                && !(algorithm.getParameters() instanceof ASN1ObjectIdentifier)) {
            throw SigningKeyException.about(file, "ECDSA key with explicit curve parameters; sumlog reads named curves only"
                    + " (re-save it with `openssl ec -param_enc named_curve`)");
        }
        if (!ALGORITHM.equals(algorithm)) {
            throw unsupported(file, describe(algorithm));
        }
        ECPrivateKey sec1;
        try {
            sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | RuntimeException e) {
            throw SigningKeyException.about(file, "damaged EC private key (not valid DER)");
        }
        BigInteger d = sec1.getKey();
        if (d.signum() <= 0 || d.compareTo(CURVE.getN()) >= 0) {
            throw SigningKeyException.about(file, "damaged EC private key (scalar out of range)");
        }
        ASN1BitString embedded = sec1.getPublicKey();
        if (embedded != null && !embeddedPublicKeyMatches(embedded.getOctets(), d)) {
            throw SigningKeyException.about(file, "the public key stored in it does not belong to its private key (damaged file)");
        }
        return d;
    }

    static SigningKeyException unsupported(Path file, String keyType) {
        return SigningKeyException.about(file, keyType + " key; sumlog signs only with ECDSA P-256 keys for now"
                + " (`sumlog keygen` makes one)");
    }

    /** X.509 SubjectPublicKeyInfo DER of d·G, with the point uncompressed as Rekor and openssl write it. */
    static byte[] spkiDer(BigInteger d) {
        try {
            return new SubjectPublicKeyInfo(ALGORITHM, publicPoint(d).getEncoded(false)).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    /** PKCS#8 of the key with its public point inside, the way {@code openssl genpkey} writes it. */
    static PrivateKeyInfo pkcs8(BigInteger d) {
        try {
            // No curve inside the SEC1 structure: PKCS#8 names it in the algorithm (RFC 5915 section 3).
            ECPrivateKey sec1 = new ECPrivateKey(256, d, new DERBitString(publicPoint(d).getEncoded(false)), null);
            return new PrivateKeyInfo(ALGORITHM, sec1);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    static PrivateKey jdkPrivateKey(BigInteger d) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always supports EC keys on secp256r1", e);
        }
    }

    static PublicKey jdkPublicKey(byte[] spkiDer) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spkiDer));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always supports EC keys on secp256r1", e);
        }
    }

    /** "RSA", "ECDSA P-384", "Ed25519": what a user would call the key type, for error messages. */
    static String describe(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            ASN1Encodable parameters = algorithm.getParameters();
            if (parameters instanceof ASN1ObjectIdentifier curve) {
                String name = NISTNamedCurves.getName(curve);
                name = name != null ? name : ECNamedCurveTable.getName(curve);
                return "ECDSA " + (name != null ? name : "curve " + curve.getId());
            }
            return "ECDSA (explicit curve parameters)";
        }
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA";
        }
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            return "RSA-PSS";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        }
        if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
            return "DSA";
        }
        return "unknown (algorithm " + oid.getId() + ")";
    }

    private static ECPoint publicPoint(BigInteger d) {
        return CURVE.getG().multiply(d).normalize();
    }

    private static boolean embeddedPublicKeyMatches(byte[] encoded, BigInteger d) {
        try {
            return CURVE.getCurve().decodePoint(encoded).normalize().equals(publicPoint(d));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
