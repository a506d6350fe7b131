package dev.sumlog.testing;

import dev.sumlog.testing.TestPki.Issued;
import dev.sumlog.testing.TestPki.Spec;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The keys and certificates of a {@link FakeTsa}: root CA, intermediate CA and timestamping leaf,
 * valid from one day before {@code now} for a year. Tokens embed only the leaf, as Sigstore's TSA does.
 *
 * @param chain  leaf, intermediate, root: what the TSA publishes
 * @param leafKeys the leaf's key pair
 * @param signingCert the certificate tokens name in their ESS signing-certificate attribute: the
 *               leaf itself, or, when the leaf lacks the timeStamping usage, a twin that has it
 */
record FakeTsaSigner(List<X509Certificate> chain, KeyPair leafKeys, X509Certificate signingCert) {

    static FakeTsaSigner create(Instant now, boolean leafHasTimeStamping, Optional<BigInteger> leafSerial) {
        Instant from = now.minus(Duration.ofDays(1));
        Instant to = now.plus(Duration.ofDays(365));
        Issued root = TestPki.root(new Spec("O=sumlog test,CN=fake-tsa-root", from, to, true, false));
        Issued intermediate = TestPki.issue(new Spec("O=sumlog test,CN=fake-tsa-intermediate", from, to, true, false), root);
        Spec leafSpec = new Spec("O=sumlog test,CN=fake-tsa", from, to, false, leafHasTimeStamping);
        if (leafSerial.isPresent()) {
            leafSpec = new Spec(leafSpec.subject(), from, to, false, leafHasTimeStamping, leafSerial.get());
        }
        Issued leaf = TestPki.issue(leafSpec, intermediate);
        X509Certificate signing = leaf.cert();
        if (!leafHasTimeStamping) {
            Spec twin = new Spec(leafSpec.subject(), from, to, false, true, leaf.cert().getSerialNumber());
            signing = TestPki.issue(twin, leaf.keys(), intermediate);
        }
        return new FakeTsaSigner(List.of(leaf.cert(), intermediate.cert(), root.cert()), leaf.keys(), signing);
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    TimeStampTokenGenerator tokenGenerator(ASN1ObjectIdentifier policy) throws Exception {
        var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", leafKeys.getPrivate(), new JcaX509CertificateHolder(signingCert));
        // SHA-256 makes Bouncy Castle write an ESSCertIDv2 signing-certificate attribute, like Sigstore's TSA.
        var sha256 = new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signerInfo, sha256, policy);
        generator.addCertificates(new JcaCertStore(List.of(leaf())));
        return generator;
    }

    byte[] refusal(ASN1ObjectIdentifier policy, String statusString) throws Exception {
        return new TimeStampResponseGenerator(tokenGenerator(policy), TSPAlgorithms.ALLOWED)
                .generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badRequest, statusString).getEncoded();
    }
}
