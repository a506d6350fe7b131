package dev.sumlog.submit.remote;

import dev.sumlog.submit.TransientLogException;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.timestamp.TimestampClient;
import dev.sumlog.tlog.timestamp.TimestampVerifier;
import dev.sumlog.tlog.timestamp.TrustedTsa;
import dev.sumlog.tlog.timestamp.TsaUnavailableException;
import java.io.IOException;
import java.util.List;

/**
 * RFC 3161 timestamps over signatures, verified against the trusted TSA chains before they go into a
 * bundle: a Rekor v2 entry has no signed time of its own, and Sigstore verifiers require one.
 */
public final class Timestamps {

    private final TimestampClient client;
    private final List<TrustedTsa> trusted;

    private Timestamps(TimestampClient client, List<TrustedTsa> trusted) {
        this.client = client;
        this.trusted = List.copyOf(trusted);
    }

    /** No timestamps (a Rekor v1 log without {@code timestamp-url}: its SET is the signed time). */
    public static Timestamps none() {
        return new Timestamps(null, List.of());
    }

    public static Timestamps from(TimestampClient client, List<TrustedTsa> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("no trusted timestamp authority to verify " + client.url() + " with");
        }
        return new Timestamps(client, trusted);
    }

    /** Zero or one verified timestamp token over {@code signature}, as a bundle stores it. */
    public List<byte[]> over(byte[] signature) throws IOException {
        if (client == null) {
            return List.of();
        }
        byte[] token;
        try {
            token = client.timestamp(signature);
        } catch (TsaUnavailableException e) {
            throw new TransientLogException(e.getMessage(), e.retryAfter().orElse(null));
        }
        try {
            TimestampVerifier.verify(token, signature, trusted);
        } catch (TlogException e) {
            throw new UnverifiedAnswerException("timestamp from " + client.url() + ": " + e.getMessage(), e);
        }
        return List.of(token);
    }
}
