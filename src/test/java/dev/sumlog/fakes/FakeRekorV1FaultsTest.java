package dev.sumlog.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each injected fault of the v1 fake does what it says, and only to the next POST. */
class FakeRekorV1FaultsTest {

    private final FakeRekorV1 fake = FakeRekorV1.start();
    private final SubmitterKey key = SubmitterKey.generate();
    private final byte[] request = key.v1Request("SHA256SUMS".getBytes(StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void rateLimitAndUnavailableAnswersComeWithOrWithoutRetryAfterAndAppendNothing() throws Exception {
        fake.faults().next(Fault.status(429, 3), Fault.status(503), Fault.status(500));

        HttpResponse<String> limited = Http.post(entries(), request);
        HttpResponse<String> unavailable = Http.post(entries(), request);
        HttpResponse<String> failed = Http.post(entries(), request);
        HttpResponse<String> accepted = Http.post(entries(), request);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(limited.body()).contains("<center>nginx</center>");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).isEmpty();
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(fake.traffic().posts()).isEqualTo(4);
        assertThat(fake.traffic().postArrivalNanos()).hasSize(4).isSorted();
        assertThat(fake.traffic().appended()).isEqualTo(1);
        assertThat(fake.faults().pending()).isZero();
    }

    @Test
    void aResetDropsTheConnectionBeforeAppending() throws Exception {
        fake.faults().next(Fault.reset());

        assertThatThrownBy(() -> Http.post(entries(), request)).isInstanceOf(IOException.class);

        assertThat(fake.treeSize()).isZero();
        assertThat(Http.post(entries(), request).statusCode()).isEqualTo(201);
    }

    @Test
    void anAcceptedEntryWhoseAnswerIsLostIsA409OnRetry() throws Exception {
        byte[] other = key.v1Request("other".getBytes(StandardCharsets.UTF_8));
        fake.faults().next(Fault.acceptThenStatus(503), Fault.acceptThenReset());

        assertThat(Http.post(entries(), request).statusCode()).isEqualTo(503);
        assertThatThrownBy(() -> Http.post(entries(), other)).isInstanceOf(IOException.class);

        assertThat(fake.treeSize()).isEqualTo(2);
        HttpResponse<String> retry = Http.post(entries(), request);
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(Http.get(fake.url() + retry.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);
        assertThat(Http.post(entries(), other).statusCode()).isEqualTo(409);
    }

    @Test
    void aDelayHoldsTheAnswerThenProcessesNormally() throws Exception {
        fake.faults().next(Fault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();

        HttpResponse<String> response = Http.post(entries(), request);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void aWrongProofFailsInclusionButTheEntryIsLogged() throws Exception {
        fake.faults().next(Fault.wrongProof());

        HttpResponse<String> response = Http.post(entries(), request);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThatThrownBy(() -> checks(response.body())).isInstanceOf(TlogException.class)
                .hasMessageContaining("inclusion proof");
        String location = response.headers().firstValue("Location").orElseThrow();
        checks(Http.get(fake.url() + location).body());
    }

    @Test
    void aWrongProofInABiggerTreeFlipsAHash() throws Exception {
        Http.post(entries(), key.v1Request("first".getBytes(StandardCharsets.UTF_8)));
        fake.faults().next(Fault.wrongProof());

        HttpResponse<String> response = Http.post(entries(), request);

        assertThatThrownBy(() -> checks(response.body()))
                .hasMessage("inclusion proof: computed root != expected root");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsNotVerifiable() throws Exception {
        fake.faults().next(Fault.wrongCheckpointKey());

        HttpResponse<String> response = Http.post(entries(), request);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThatThrownBy(() -> checks(response.body())).hasMessageContaining("note: no verifiable signatures");
    }

    @Test
    void aBadSetDoesNotVerifyWhileTheProofDoes() throws Exception {
        fake.faults().next(Fault.badSet());

        HttpResponse<String> response = Http.post(entries(), request);

        assertThatThrownBy(() -> checks(response.body())).hasMessage("SET does not verify");
        assertThat(V1EntryChecks.setVerifies(fake, V1EntryChecks.entryOf(Http.get(fake.url()
                + response.headers().firstValue("Location").orElseThrow()).body()))).isTrue();
    }

    @Test
    void aForeignBodyIsAValidEntryThatIsNotOurs() throws Exception {
        fake.faults().next(Fault.foreignBody());

        HttpResponse<String> response = Http.post(entries(), request);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode entry = checks(response.body());
        assertThat(Base64.getDecoder().decode(entry.get("body").stringValue()))
                .isNotEqualTo(HashedRekordV1.parse(request).canonicalBody());
        assertThat(fake.treeSize()).isEqualTo(1);
        assertThat(Http.post(entries(), request).statusCode()).isEqualTo(201);
    }

    private JsonNode checks(String body) throws Exception {
        return V1EntryChecks.verified(fake, body);
    }

    private String entries() {
        return fake.url() + "/api/v1/log/entries";
    }
}
