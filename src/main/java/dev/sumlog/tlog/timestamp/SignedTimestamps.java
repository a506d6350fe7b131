package dev.sumlog.tlog.timestamp;

import dev.sumlog.tlog.TlogException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;

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
        } catch (IOException | TSPException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new TlogException(what + ": not a DER RFC 3161 TimeStampResp (" + oneLine(e.getMessage()) + ")", e);
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
