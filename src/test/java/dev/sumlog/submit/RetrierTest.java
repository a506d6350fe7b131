package dev.sumlog.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final List<Duration> slept = new ArrayList<>();
    private final List<String> announced = new ArrayList<>();
    private final SubmitPolicy policy = new SubmitPolicy(0, 1, 4, Duration.ofMillis(100), Duration.ofSeconds(2));
    private final Retrier retrier = new Retrier(policy, slept::add);

    @Test
    void retriesTransientFailuresThenSucceedsAndSaysSo() throws Exception {
        int[] calls = {0};
        String result = retrier.run(() -> {
            if (++calls[0] < 3) {
                throw new TransientLogException("HTTP 503", null);
            }
            return "logged";
        }, announced::add);

        assertThat(result).isEqualTo("logged");
        assertThat(calls[0]).isEqualTo(3);
        assertThat(slept).hasSize(2);
        assertThat(announced).hasSize(2).allMatch(m -> m.contains("HTTP 503") && m.contains("retrying in"));
    }

    @Test
    void honoursRetryAfterButNeverWaitsLongerThanTheCap() throws Exception {
        int[] calls = {0};
        retrier.run(() -> {
            if (++calls[0] == 1) {
                throw new TransientLogException("HTTP 429", Duration.ofMillis(1500));
            }
            if (calls[0] == 2) {
                throw new TransientLogException("HTTP 429", Duration.ofMinutes(10));
            }
            return null;
        }, announced::add);

        assertThat(slept.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(slept.get(1)).isEqualTo(Duration.ofSeconds(2));
    }

    @RepeatedTest(20)
    void backoffIsJitteredBelowAnExponentialCeiling() {
        TransientLogException noHint = new TransientLogException("timeout", null);
        for (int attempt = 1; attempt <= 6; attempt++) {
            long ceiling = Math.min(2000, 100L << (attempt - 1));
            assertThat(retrier.delay(attempt, noHint).toMillis()).isBetween(0L, ceiling);
        }
    }

    @Test
    void givesUpAfterTheBudgetAndKeepsTheCauseWithoutRetryingPermanentErrors() {
        int[] calls = {0};
        assertThatThrownBy(() -> retrier.run(() -> {
            calls[0]++;
            throw new TransientLogException("HTTP 502", null);
        }, announced::add)).isInstanceOf(Retrier.RetriesExhaustedException.class)
                .hasMessageContaining("gave up after 4 attempts: HTTP 502");
        assertThat(calls[0]).isEqualTo(4);

        calls[0] = 0;
        assertThatThrownBy(() -> retrier.run(() -> {
            calls[0]++;
            throw new IOException("HTTP 400: entry rejected");
        }, announced::add)).hasMessage("HTTP 400: entry rejected");
        assertThat(calls[0]).isEqualTo(1);
    }
}
