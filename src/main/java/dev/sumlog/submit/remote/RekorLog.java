package dev.sumlog.submit.remote;

import dev.sumlog.signing.SigningKey;
import dev.sumlog.tlog.sigstore.LogKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What Rekor v1 and v2 share: the log's URL and trusted key, the release signing key, timestamps,
 * where bundles go, and the one POST of a stored request that may answer 201 or 409.
 */
abstract class RekorLog implements RemoteLog {

    /** Everything a Rekor log needs to be opened. */
    record Settings(URI url, LogKey logKey, SigningKey signer, LogHttp http, Timestamps timestamps,
                    String receiptSuffix) {
    }

    protected final URI url;
    protected final LogKey logKey;
    protected final SigningKey signer;
    protected final LogHttp http;
    protected final Timestamps timestamps;
    private final String receiptSuffix;

    RekorLog(Settings settings) {
        this.url = settings.url();
        this.logKey = settings.logKey();
        this.signer = settings.signer();
        this.http = settings.http();
        this.timestamps = settings.timestamps();
        this.receiptSuffix = settings.receiptSuffix();
    }

    @Override
    public String id() {
        return url.toString();
    }

    @Override
    public String receiptSuffix() {
        return receiptSuffix;
    }

    /** POSTs a stored request to {@code path}; returns a 201 or 409, throws what any other status means. */
    protected LogHttp.Answer post(String path, String request) throws IOException {
        return LogHttp.expect(http.post(URI.create(url + path), "application/json",
                request.getBytes(StandardCharsets.UTF_8)), url, 201, 409);
    }
}
