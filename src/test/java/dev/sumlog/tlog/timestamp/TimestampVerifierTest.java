package dev.sumlog.tlog.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.testing.FakeTsa;
import dev.sumlog.tlog.TlogException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every check of the verifier, each failed on its own by a real token from a {@link FakeTsa}. */
class TimestampVerifierTest {

    private static final byte[] SIGNATURE = "signature bytes".getBytes(StandardCharsets.UTF_8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static FakeTsa tsa;
    private static FakeTsa otherTsa;
    private static byte[] good;

    @BeforeAll
    static void start() throws IOException {
        tsa = FakeTsa.start();
        otherTsa = FakeTsa.start();
        good = timestamp(tsa);
    }

    @AfterAll
    static void stop() {
        tsa.close();
        otherTsa.close();
    }

    private static byte[] timestamp(FakeTsa from) throws IOException {
        return new TimestampClient(HTTP, from.url(), Duration.ofSeconds(20)).timestamp(SIGNATURE);
    }

    private static List<TrustedTsa> trusted() {
        return List.of(tsa.trustedTsa());
    }

    @Test
    void aGoodTokenGivesItsGenTime() {
        Instant genTime = TimestampVerifier.verify(good, SIGNATURE, trusted());
        assertThat(genTime).isBetween(Instant.now().minusSeconds(120), Instant.now());
    }

    @Test
    void anyTrustedTsaMaySign() {
        assertThat(TimestampVerifier.verify(good, SIGNATURE, List.of(otherTsa.trustedTsa(), tsa.trustedTsa()))).isNotNull();
    }

    @Test
    void otherSignedBytesFailTheImprint() {
        assertThatThrownBy(() -> TimestampVerifier.verify(good, "other".getBytes(StandardCharsets.UTF_8), trusted()))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("signed timestamp: message imprint != SHA-256 of the signed bytes");
    }

    @Test
    void aTokenFromAnUntrustedTsaMatchesNoSigner() {
        assertThatThrownBy(() -> TimestampVerifier.verify(good, SIGNATURE, List.of(otherTsa.trustedTsa())))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("signed timestamp: signer matches no trusted TSA leaf certificate");
        assertThatThrownBy(() -> TimestampVerifier.verify(good, SIGNATURE, List.of()))
                .hasMessage("signed timestamp: signer matches no trusted TSA leaf certificate");
    }

    @Test
    void anImpostorCopyingTheLeafsNameAndSerialIsRefused() throws IOException {
        tsa.untrustedSigner(true);
        byte[] forged;
        try {
            forged = timestamp(tsa);
        } finally {
            tsa.untrustedSigner(false);
        }
        assertThatThrownBy(() -> TimestampVerifier.verify(forged, SIGNATURE, trusted()))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("signed timestamp: embedded TSA certificate differs from the trusted leaf");
    }

    @Test
    void aLeafWithoutTheTimeStampingUsageIsRefused() throws IOException {
        try (FakeTsa noUsage = FakeTsa.startWithLeafLackingTimeStamping()) {
            byte[] token = timestamp(noUsage);
            assertThatThrownBy(() -> TimestampVerifier.verify(token, SIGNATURE, List.of(noUsage.trustedTsa())))
                    .isExactlyInstanceOf(TlogException.class)
                    .hasMessageStartingWith("signed timestamp: TSA leaf certificate lacks a critical extended key usage");
        }
    }

    @Test
    void genTimeMustLieInTheValidForWindow() {
        Instant genTime = TimestampVerifier.verify(good, SIGNATURE, trusted());
        var notYet = new TrustedTsa(tsa.chain(), genTime.plusSeconds(1), Optional.empty());
        var retired = new TrustedTsa(tsa.chain(), tsa.validFrom(), Optional.of(genTime));
        var retiredJustAfter = new TrustedTsa(tsa.chain(), tsa.validFrom(), Optional.of(genTime.plusSeconds(1)));
        for (TrustedTsa window : List.of(notYet, retired)) {
            assertThatThrownBy(() -> TimestampVerifier.verify(good, SIGNATURE, List.of(window)))
                    .isExactlyInstanceOf(TlogException.class)
                    .hasMessageStartingWith("signed timestamp: genTime " + genTime + " is outside the TSA's validFor window");
        }
        assertThat(TimestampVerifier.verify(good, SIGNATURE, List.of(retiredJustAfter))).isEqualTo(genTime);
    }

    @Test
    void genTimeMustLieInTheLeafsValidity() throws IOException {
        Instant beforeLeaf = tsa.validFrom().minus(Duration.ofHours(1));
        tsa.genTime(beforeLeaf);
        byte[] early;
        try {
            early = timestamp(tsa);
        } finally {
            tsa.genTime(null);
        }
        var wideWindow = new TrustedTsa(tsa.chain(), beforeLeaf.minus(Duration.ofDays(1)), Optional.empty());
        assertThatThrownBy(() -> TimestampVerifier.verify(early, SIGNATURE, List.of(wideWindow)))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessageStartingWith("signed timestamp: genTime " + beforeLeaf + " is outside the TSA leaf certificate's validity");
    }

    @Test
    void theLeafMustChainToTheListedRoot() {
        List<java.security.cert.X509Certificate> chain = List.of(tsa.chain().get(0), tsa.chain().get(1), otherTsa.chain().get(2));
        var wrongRoot = new TrustedTsa(chain, tsa.validFrom(), Optional.empty());
        assertThatThrownBy(() -> TimestampVerifier.verify(good, SIGNATURE, List.of(wrongRoot)))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessageStartingWith("signed timestamp: TSA leaf does not chain to the trusted root at genTime");
    }

    @Test
    void aStoredRefusalIsNotATimestamp() throws Exception {
        byte[] refusal = FakeTsa.refusal("busy");
        assertThatThrownBy(() -> TimestampVerifier.verify(refusal, SIGNATURE, trusted()))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("signed timestamp: status is rejection \"busy\", not granted");
    }

    @Test
    void notDerIsRefused() throws IOException {
        assertThatThrownBy(() -> TimestampVerifier.verify(new byte[] {0x30, 0x03, 0x02, 0x01}, SIGNATURE, trusted()))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessageStartingWith("signed timestamp: not a DER RFC 3161 TimeStampResp");
        // The PKIStatusInfo's length 3 written in long form (81 03): valid BER, not DER.
        assertThat(Arrays.copyOf(good, 6)).startsWith((byte) 0x30, (byte) 0x82).endsWith((byte) 0x30, (byte) 0x03);
        int outerLength = ((good[2] & 0xff) << 8 | (good[3] & 0xff)) + 1;
        byte[] ber = new byte[good.length + 1];
        ber[0] = 0x30;
        ber[1] = (byte) 0x82;
        ber[2] = (byte) (outerLength >> 8);
        ber[3] = (byte) outerLength;
        ber[4] = 0x30;
        ber[5] = (byte) 0x81;
        System.arraycopy(good, 5, ber, 6, good.length - 5);
        assertThat(ASN1Primitive.fromByteArray(ber).getEncoded(ASN1Encoding.DER)).isEqualTo(good);
        assertThatThrownBy(() -> TimestampVerifier.verify(ber, SIGNATURE, trusted()))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("signed timestamp: not DER (a BER or non-canonical encoding)");
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> TimestampVerifier.verify(trailing, SIGNATURE, trusted()))
                .hasMessageStartingWith("signed timestamp: not a DER RFC 3161 TimeStampResp");
    }

    /**
     * The token (ContentInfo) is covered byte for byte: its signed parts by the signature, the embedded
     * certificate by the comparison with the trusted leaf, the rest by DER. Only the PKIStatusInfo in
     * front of it is unsigned by design (RFC 3161), and its status is checked on its own above.
     */
    @Test
    void everyBitFlipInTheTokenIsRefused() throws Exception {
        int tokenStart = good.length - new TimeStampResponse(good).getTimeStampToken().getEncoded().length;
        assertThat(tokenStart).isBetween(5, 40);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < good.length; i++) {
            if (i >= 4 && i < tokenStart) {
                continue;
            }
            byte[] mutant = good.clone();
            mutant[i] ^= 0x01;
            try {
                accepted.add("byte " + i + ": " + TimestampVerifier.verify(mutant, SIGNATURE, trusted()));
            } catch (TlogException e) {
                assertThat(e.getMessage()).as("byte %d", i).startsWith("signed timestamp: ").doesNotContain("\n");
            }
        }
        assertThat(accepted).as("token %s", java.util.HexFormat.of().formatHex(good)).isEmpty();
    }
}
