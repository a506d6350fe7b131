package dev.sumlog.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Throw-away X.509 hierarchies for tests: ECDSA P-256 keys, certificates built with Bouncy Castle. */
public final class TestPki {

    /** A certificate and the key pair it certifies. */
    public record Issued(KeyPair keys, X509Certificate cert) {
    }

    /** What a certificate says; {@code serial} is random unless given (an impostor copies one). */
    public record Spec(String subject, Instant notBefore, Instant notAfter, boolean ca, boolean timeStamping,
            BigInteger serial) {
        public Spec(String subject, Instant notBefore, Instant notAfter, boolean ca, boolean timeStamping) {
            this(subject, notBefore, notAfter, ca, timeStamping, new BigInteger(64, new SecureRandom()).add(BigInteger.ONE));
        }
    }

    private TestPki() {
    }

    public static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed CA. */
    public static Issued root(Spec spec) {
        KeyPair keys = ecKeyPair();
        return new Issued(keys, issue(spec, keys, null));
    }

    /** A certificate for a fresh key, signed by {@code issuer}. */
    public static Issued issue(Spec spec, Issued issuer) {
        KeyPair keys = ecKeyPair();
        return new Issued(keys, issue(spec, keys, issuer));
    }

    /** A certificate for {@code keys}, signed by {@code issuer}, or self-signed when it is null. */
    public static X509Certificate issue(Spec spec, KeyPair keys, Issued issuer) {
        X500Name subject = new X500Name(spec.subject());
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
        KeyPair signer = issuer == null ? keys : issuer.keys();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, spec.serial(),
                    Date.from(spec.notBefore()), Date.from(spec.notAfter()), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(spec.ca()))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(spec.ca()
                            ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(signer.getPublic()));
            if (spec.timeStamping()) {
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
