package dev.sumlog.tlog.timestamp;

import dev.sumlog.tlog.TlogException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Strict reading of the stored form, a DER TimeStampResp, shared by the client (which checks what it
 * is about to store) and the verifier (which checks what it was given).
 */
final class SignedTimestamps {

    private SignedTimestamps() {
    }

    /**
     * Parses {@code der} as one DER TimeStampResp with nothing after it. BER (indefinite lengths,
     * unsorted sets) is refused: the bundle format says DER, and a re-encoding verifier in another
     * language could otherwise read different bytes from the ones checked here.
     *
     * @param what names the input in the message, e.g. {@code "signed timestamp"}
     */
    static TimeStampResponse parse(byte[] der, String what) {
        ASN1Primitive primitive;
        try {
            primitive = ASN1Primitive.fromByteArray(der);
            if (!Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), der)) {
                throw new TlogException(what + ": not DER (a BER or non-canonical encoding)");
            }
            return new TimeStampResponse(TimeStampResp.getInstance(primitive));
        } catch (TlogException e) {
            throw e;
        } catch (IOException | TSPException | RuntimeException e) {
            // Bouncy Castle signals malformed ASN.1 with assorted runtime exceptions, even index errors.
            throw new TlogException(what + ": not a DER RFC 3161 TimeStampResp (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * The CMS wrapping of the token, which the signature does not cover and Bouncy Castle reads
     * leniently (it ignores versions and the tag numbers of optional fields): ContentInfo type
     * signedData; SignedData version 3 (RFC 5652 §5.1, as eContentType is TSTInfo); digestAlgorithms
     * exactly the one signer's; no CRLs; one SignerInfo whose version fits its identifier (§5.3) and
     * whose fields re-encode to the same bytes (so unsigned attributes cannot pose as signed ones).
     * Without this, a stored timestamp could differ in unsigned bytes and still verify.
     */
    static void requireStrictSignedData(TimeStampToken token, String what) {
        ContentInfo contentInfo = token.toCMSSignedData().toASN1Structure();
        if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
            throw new TlogException(what + ": token content type " + contentInfo.getContentType() + " is not signedData");
        }
        SignedData signedData = SignedData.getInstance(contentInfo.getContent());
        if (signedData.getVersion().intValueExact() != 3) {
            throw new TlogException(what + ": SignedData version " + signedData.getVersion() + " is not 3");
        }
        if (signedData.getCRLs() != null) {
            throw new TlogException(what + ": SignedData carries revocation data, which a timestamp token must not");
        }
        ASN1Set signerInfos = signedData.getSignerInfos();
        if (signerInfos.size() != 1) {
            throw new TlogException(what + ": SignedData has " + signerInfos.size() + " signers, not 1");
        }
        SignerInfo signer = SignerInfo.getInstance(signerInfos.getObjectAt(0));
        int expectedVersion = signer.getSID().isTagged() ? 3 : 1;
        if (signer.getVersion().intValueExact() != expectedVersion) {
            throw new TlogException(what + ": SignerInfo version " + signer.getVersion() + " does not fit its signer identifier");
        }
        if (!Arrays.equals(der(signer), der(signerInfos.getObjectAt(0)))) {
            throw new TlogException(what + ": SignerInfo is not in its canonical form");
        }
        ASN1Set digestAlgorithms = signedData.getDigestAlgorithms();
        if (digestAlgorithms.size() != 1
                || !AlgorithmIdentifier.getInstance(digestAlgorithms.getObjectAt(0)).equals(signer.getDigestAlgorithm())) {
            throw new TlogException(what + ": SignedData digestAlgorithms is not exactly the signer's digest algorithm");
        }
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new TlogException("signed timestamp: cannot re-encode a SignerInfo", e);
        }
    }

    /** RFC 3161 §2.4.2: only granted and grantedWithMods carry a token. */
    static boolean granted(TimeStampResponse response) {
        int status = response.getStatus();
        return (status == PKIStatus.GRANTED || status == PKIStatus.GRANTED_WITH_MODS)
                && response.getTimeStampToken() != null;
    }

    /** The status as a name plus the TSA's own text, cleaned to one short line. */
    static String describeStatus(TimeStampResponse response) {
        String name = switch (response.getStatus()) {
            case PKIStatus.GRANTED -> "granted";
            case PKIStatus.GRANTED_WITH_MODS -> "grantedWithMods";
            case PKIStatus.REJECTION -> "rejection";
            case PKIStatus.WAITING -> "waiting";
            case PKIStatus.REVOCATION_WARNING -> "revocationWarning";
            case PKIStatus.REVOCATION_NOTIFICATION -> "revocationNotification";
            default -> "status " + response.getStatus();
        };
        String text = response.getStatusString();
        return text == null || text.isBlank() ? name : name + " \"" + oneLine(text) + "\"";
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** Text from a remote party or a parser, made safe for a one-line log message. */
    static String oneLine(String text) {
        if (text == null) {
            return "no detail";
        }
        String flat = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
