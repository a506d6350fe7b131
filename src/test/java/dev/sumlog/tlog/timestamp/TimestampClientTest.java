package dev.sumlog.tlog.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.testing.FakeTsa;
import dev.sumlog.tlog.TlogException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real TSA on 127.0.0.1: what it returns, and how each failure reaches the caller. */
class TimestampClientTest {

    private static final byte[] SIGNATURE = "a signature over SHA256SUMS".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeTsa tsa;
    private TimestampClient client;

    @BeforeEach
    void start() throws IOException {
        tsa = FakeTsa.start();
        client = new TimestampClient(http, tsa.url(), Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        tsa.close();
    }

    @Test
    void returnsAGrantedTimeStampRespThatVerifiesToNow() throws Exception {
        Instant before = Instant.now();
        byte[] stored = client.timestamp(SIGNATURE);
        Instant after = Instant.now();

        TimeStampResponse response = new TimeStampResponse(stored);
        assertThat(response.getStatus()).isZero();
        assertThat(response.getTimeStampToken().getTimeStampInfo().getNonce()).isNotNull();
        Instant genTime = TimestampVerifier.verify(stored, SIGNATURE, List.of(tsa.trustedTsa()));
        // Tokens carry whole seconds.
        assertThat(genTime).isBetween(before.minusSeconds(1), after);
        assertThat(tsa.requests()).isEqualTo(1);
    }

    @Test
    void eachCallUsesAFreshNonce() throws Exception {
        var first = new TimeStampResponse(client.timestamp(SIGNATURE)).getTimeStampToken().getTimeStampInfo().getNonce();
        var second = new TimeStampResponse(client.timestamp(SIGNATURE)).getTimeStampToken().getTimeStampInfo().getNonce();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void serverErrorsAndTooManyRequestsAreTransientAndNotRetriedInside() throws Exception {
        tsa.failNext(503, 500, 429);
        for (int status : new int[] {503, 500, 429}) {
            assertThatThrownBy(() -> client.timestamp(SIGNATURE))
                    .isInstanceOf(TsaUnavailableException.class)
                    .hasMessage("timestamp " + tsa.url() + ": HTTP " + status);
        }
        assertThat(tsa.requests()).isEqualTo(3);
        assertThat(client.timestamp(SIGNATURE)).isNotEmpty();
    }

    @Test
    void aRefusedConnectionIsTransient() throws Exception {
        URI url = tsa.url();
        tsa.close();
        TimestampClient gone = new TimestampClient(http, url, Duration.ofSeconds(5));
        assertThatThrownBy(() -> gone.timestamp(SIGNATURE))
                .isInstanceOf(TsaUnavailableException.class)
                .hasMessageStartingWith("timestamp " + url + ": ");
    }

    @Test
    void otherStatusesArePermanentOneLineErrors() {
        tsa.failNext(400);
        assertThatThrownBy(() -> client.timestamp(SIGNATURE))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("timestamp " + tsa.url() + ": HTTP 400");
    }

    @Test
    void aBodyThatIsNotDerIsAOneLineError() {
        tsa.replyWith("<html>\n<body>gateway says hi</body>\n</html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> client.timestamp(SIGNATURE))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessageStartingWith("timestamp " + tsa.url() + ": reply: not a DER RFC 3161 TimeStampResp")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aRejectionCarriesTheTsasStatusString() {
        tsa.reject("policy\nnot accepted");
        assertThatThrownBy(() -> client.timestamp(SIGNATURE))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("timestamp " + tsa.url() + ": TSA refused the request: rejection \"policy not accepted\"");
    }

    @Test
    void aTokenForAnotherNonceIsRefused() {
        tsa.wrongNonce(true);
        assertThatThrownBy(() -> client.timestamp(SIGNATURE))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("timestamp " + tsa.url() + ": reply nonce does not match the request's");
    }

    @Test
    void aTokenForAnotherImprintIsRefused() {
        tsa.wrongImprint(true);
        assertThatThrownBy(() -> client.timestamp(SIGNATURE))
                .isExactlyInstanceOf(TlogException.class)
                .hasMessage("timestamp " + tsa.url() + ": reply message imprint does not match the request's");
    }

    @Test
    void aTimeoutIsTransient() {
        tsa.delay(Duration.ofSeconds(30));
        TimestampClient impatient = new TimestampClient(http, tsa.url(), Duration.ofMillis(200));
        assertThatThrownBy(() -> impatient.timestamp(SIGNATURE))
                .isInstanceOf(TsaUnavailableException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void credentialsInTheUrlStayOutOfMessages() {
        URI secret = URI.create("http://user:hunter2@127.0.0.1:" + tsa.url().getPort() + "/api/v1/timestamp?token=hunter2");
        tsa.failNext(400);
        TimestampClient withSecrets = new TimestampClient(http, secret, Duration.ofSeconds(20));
        assertThatThrownBy(() -> withSecrets.timestamp(SIGNATURE))
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("127.0.0.1");
    }
}
