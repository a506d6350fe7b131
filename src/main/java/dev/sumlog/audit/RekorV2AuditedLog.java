package dev.sumlog.audit;

import dev.sumlog.catalog.AuditRepository.LoggedSubmission;
import dev.sumlog.tlog.sigstore.LogKey;
import dev.sumlog.tlog.tiles.HttpTileFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * A Rekor v2 log: its checkpoint (Ed25519, origin = the URL's host) and tiles over HTTP, read exactly
 * as the embedded log's files are. A log that serves no checkpoint is unreachable, not rolled back:
 * a wrong URL looks the same.
 */
public final class RekorV2AuditedLog extends TiledLog {

    private final URI url;
    private final LogKey logKey;

    public RekorV2AuditedLog(URI url, LogKey logKey, Duration timeout) {
        super(new HttpTileFetcher(URI.create(url + "/"), HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10)).build(), timeout), logKey.checkpointVerifier(), logKey.host());
        this.url = url;
        this.logKey = logKey;
    }

    @Override
    public Kind kind() {
        return Kind.REKOR_V2;
    }

    @Override
    public String id() {
        return url.toString();
    }

    @Override
    public String location() {
        return url.toString();
    }

    @Override
    public Optional<byte[]> checkpoint(String trustedOrigin) throws IOException {
        return Optional.of(super.checkpoint(trustedOrigin).orElseThrow(() ->
                new IOException("GET " + url + "/checkpoint: HTTP 404")));
    }

    @Override
    public byte[] expectedEntry(LoggedSubmission submission) {
        return StoredRequests.expectedBody(submission.entry());
    }

    @Override
    public void verifyReceipt(LoggedSubmission submission, byte[] receipt) {
        RekorReceipts.verify(submission, receipt, logKey);
    }
}
