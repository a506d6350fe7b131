package dev.sumlog.fakes;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One misbehaviour a fake log shows on one POST. Faults that come "before" answer without
 * looking at the request, so nothing is appended; faults that "accept" append the entry first,
 * so the entry is in the log although the client never saw a good answer (a retry of the same
 * bytes then gets 409).
 *
 * @param kind what goes wrong
 * @param status the HTTP status for {@link Kind#STATUS} and {@link Kind#ACCEPT_THEN_STATUS}
 * @param retryAfterSeconds the {@code Retry-After} header value, if any
 * @param delay how long {@link Kind#DELAY} holds the request before processing it normally
 */
public record Fault(Kind kind, int status, OptionalLong retryAfterSeconds, Duration delay) {

    public enum Kind {
        /** Answer {@code status} (with Retry-After if given) before processing; nothing is appended. */
        STATUS,
        /** Close the connection without an answer before processing; nothing is appended. */
        RESET,
        /** Wait {@code delay}, then process normally. */
        DELAY,
        /** Append, answer 201, but with one inclusion-proof hash flipped (or one hash too many). */
        WRONG_PROOF,
        /** Append, answer 201, but with the checkpoint signed by another key of the same name. */
        WRONG_CHECKPOINT_KEY,
        /** Do not append the request; append a decoy entry of the log's own and answer 201 with it. */
        FOREIGN_BODY,
        /** v1 only: append, answer 201 with a SET over a different log index (valid DER, wrong content). */
        BAD_SET,
        /** Append, then answer {@code status} instead of 201. */
        ACCEPT_THEN_STATUS,
        /** Append, then close the connection without an answer. */
        ACCEPT_THEN_RESET
    }

    public static Fault status(int status) {
        return new Fault(Kind.STATUS, status, OptionalLong.empty(), Duration.ZERO);
    }

    public static Fault status(int status, long retryAfterSeconds) {
        return new Fault(Kind.STATUS, status, OptionalLong.of(retryAfterSeconds), Duration.ZERO);
    }

    public static Fault reset() {
        return new Fault(Kind.RESET, 0, OptionalLong.empty(), Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, OptionalLong.empty(), delay);
    }

    public static Fault wrongProof() {
        return new Fault(Kind.WRONG_PROOF, 0, OptionalLong.empty(), Duration.ZERO);
    }

    public static Fault wrongCheckpointKey() {
        return new Fault(Kind.WRONG_CHECKPOINT_KEY, 0, OptionalLong.empty(), Duration.ZERO);
    }

    public static Fault foreignBody() {
        return new Fault(Kind.FOREIGN_BODY, 0, OptionalLong.empty(), Duration.ZERO);
    }

    public static Fault badSet() {
        return new Fault(Kind.BAD_SET, 0, OptionalLong.empty(), Duration.ZERO);
    }

    public static Fault acceptThenStatus(int status) {
        return new Fault(Kind.ACCEPT_THEN_STATUS, status, OptionalLong.empty(), Duration.ZERO);
    }

    public static Fault acceptThenReset() {
        return new Fault(Kind.ACCEPT_THEN_RESET, 0, OptionalLong.empty(), Duration.ZERO);
    }

    /** True for faults that answer without processing the request. */
    boolean answersBeforeProcessing() {
        return kind == Kind.STATUS || kind == Kind.RESET;
    }
}
