package dev.sumlog.tlog.timestamp;

import dev.sumlog.tlog.TlogException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Checks a stored RFC 3161 signed timestamp (a DER TimeStampResp, the form of a Sigstore bundle's
 * {@code signedTimestamp}) against trusted TSAs and returns the time it proves.
 *
 * <p>Accepted only if all hold, for one TSA: the CMS wrapping is strict (signedData, version 3, one
 * digest algorithm) and every embedded certificate is in the TSA's chain; the token's signer is that TSA's leaf (and an embedded
 * certificate for it, if any, is byte-equal to the leaf); the leaf's only extended key usage is
 * id-kp-timeStamping and the extension is critical (RFC 3161 §2.3); the message imprint is
 * SHA-256 of the signed bytes; genTime lies within the leaf's validity and the TSA's validFor window;
 * the CMS signature and its ESS signing-certificate attribute verify with the leaf; and the leaf
 * chains to the chain's last certificate by PKIX at genTime, without revocation checks (Sigstore
 * trusted roots carry no revocation data). The order only chooses which failure is reported:
 * nothing is accepted before every check has passed.
 */
public final class TimestampVerifier {

    private static final String WHAT = "signed timestamp";

    private TimestampVerifier() {
    }

    /**
     * @param signedTimestamp the DER TimeStampResp as stored in the bundle
     * @param signedBytes     what was timestamped: the signature bytes
     * @param tsas            the trusted TSAs (a trusted root's {@code timestampAuthorities})
     * @return the token's genTime
     * @throws TlogException naming the failed check
     */
    public static Instant verify(byte[] signedTimestamp, byte[] signedBytes, List<TrustedTsa> tsas) {
        try {
            return verifyAny(signedTimestamp, signedBytes, tsas);
        } catch (TlogException e) {
            throw e;
        } catch (RuntimeException e) {
            // Bouncy Castle decodes inner structures lazily; malformed ones surface as assorted runtime errors.
            throw new TlogException(WHAT + ": malformed token (" + SignedTimestamps.oneLine(e.toString()) + ")", e);
        }
    }

    private static Instant verifyAny(byte[] signedTimestamp, byte[] signedBytes, List<TrustedTsa> tsas) {
        var response = SignedTimestamps.parse(signedTimestamp, WHAT);
        if (!SignedTimestamps.granted(response)) {
            throw new TlogException(WHAT + ": status is " + SignedTimestamps.describeStatus(response) + ", not granted");
        }
        TimeStampToken token = response.getTimeStampToken();
        SignedTimestamps.requireStrictSignedData(token, WHAT);
        List<TrustedTsa> candidates = tsas.stream().filter(tsa -> signedBy(token.getSID(), tsa.leaf())).toList();
        if (candidates.isEmpty()) {
            throw new TlogException(WHAT + ": signer matches no trusted TSA leaf certificate");
        }
        TlogException first = null;
        for (TrustedTsa tsa : candidates) {
            try {
                return verifyWith(token, signedBytes, tsa);
            } catch (TlogException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private static Instant verifyWith(TimeStampToken token, byte[] signedBytes, TrustedTsa tsa) {
        X509Certificate leaf = tsa.leaf();
        X509CertificateHolder leafHolder = holder(leaf);
        for (X509CertificateHolder embedded : token.getCertificates().getMatches(null)) {
            if (token.getSID().match(embedded) && !embedded.equals(leafHolder)) {
                throw new TlogException(WHAT + ": embedded TSA certificate differs from the trusted leaf");
            }
            // Unused certificates are not covered by the signature; refusing them keeps the bytes fixed.
            if (tsa.chain().stream().map(TimestampVerifier::holder).noneMatch(embedded::equals)) {
                throw new TlogException(WHAT + ": embedded certificate " + embedded.getSubject() + " is not in the trusted TSA chain");
            }
        }
        requireTimeStampingOnly(leaf);
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
            throw new TlogException(WHAT + ": message imprint algorithm " + info.getMessageImprintAlgOID() + " is not SHA-256");
        }
        if (!Arrays.equals(info.getMessageImprintDigest(), SignedTimestamps.sha256(signedBytes))) {
            throw new TlogException(WHAT + ": message imprint != SHA-256 of the signed bytes");
        }
        Instant genTime = info.getGenTime().toInstant();
        if (genTime.isBefore(leaf.getNotBefore().toInstant()) || genTime.isAfter(leaf.getNotAfter().toInstant())) {
            throw new TlogException(WHAT + ": genTime " + genTime + " is outside the TSA leaf certificate's validity "
                    + leaf.getNotBefore().toInstant() + " .. " + leaf.getNotAfter().toInstant());
        }
        if (!tsa.validAt(genTime)) {
            throw new TlogException(WHAT + ": genTime " + genTime + " is outside the TSA's validFor window "
                    + tsa.validFrom() + " .. " + tsa.validTo().map(Instant::toString).orElse("open"));
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(leafHolder));
        } catch (TSPException | OperatorCreationException | CertificateException e) {
            throw new TlogException(WHAT + ": signature does not verify with the TSA leaf ("
                    + SignedTimestamps.oneLine(e.getMessage()) + ")", e);
        }
        requireChain(tsa.chain(), genTime);
        return genTime;
    }

    /** SignerInfo identifies its certificate by issuer and serial or by subject key identifier. */
    private static boolean signedBy(SignerId sid, X509Certificate leaf) {
        return sid.match(holder(leaf));
    }

    private static void requireTimeStampingOnly(X509Certificate leaf) {
        List<String> usages;
        try {
            usages = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new TlogException(WHAT + ": TSA leaf extended key usage is unreadable", e);
        }
        boolean critical = leaf.getCriticalExtensionOIDs() != null
                && leaf.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId());
        if (usages == null || !critical || !usages.equals(List.of(KeyPurposeId.id_kp_timeStamping.getId()))) {
            throw new TlogException(WHAT + ": TSA leaf certificate lacks a critical extended key usage of only"
                    + " id-kp-timeStamping (RFC 3161 section 2.3)");
        }
    }

    private static void requireChain(List<X509Certificate> chain, Instant genTime) {
        if (chain.size() == 1) {
            return; // the leaf is itself the anchor; its validity at genTime is checked above
        }
        try {
            X509Certificate root = chain.get(chain.size() - 1);
            var path = CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1));
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(genTime));
            CertPathValidator.getInstance("PKIX").validate(path, params);
        } catch (GeneralSecurityException e) {
            throw new TlogException(WHAT + ": TSA leaf does not chain to the trusted root at genTime ("
                    + SignedTimestamps.oneLine(e.getMessage()) + ")", e);
        }
    }

    private static X509CertificateHolder holder(X509Certificate cert) {
        try {
            return new JcaX509CertificateHolder(cert);
        } catch (CertificateEncodingException e) {
            throw new TlogException(WHAT + ": trusted TSA certificate cannot be encoded", e);
        }
    }
}
