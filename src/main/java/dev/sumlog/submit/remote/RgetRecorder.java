package dev.sumlog.submit.remote;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The legacy rget recorder (merklecounty/rget, 2019): {@code POST <url>/api/v1/submit} with the form
 * field {@code url=<public URL of the sums file>}. The recorder fetches the file itself and answers
 * with nothing to verify, so an accepted submission has no index and no receipt. Kept for archives
 * that still run a recorder; the public one has been gone since 2020. The release's rget name is in
 * the catalog either way.
 */
public final class RgetRecorder implements RemoteLog {

    /** The recorder gives no index; the catalog records this instead. */
    public static final long NO_INDEX = -1;

    private final URI url;
    private final LogHttp http;

    public RgetRecorder(URI url, LogHttp http) {
        this.url = url;
        this.http = http;
    }

    @Override
    public String id() {
        return url.toString();
    }

    @Override
    public String receiptSuffix() {
        return null;
    }

    /** The form body; the sums file's public URL is required (the job checks that public-url is set). */
    @Override
    public String request(String sumsSha256, String sumsUrl) {
        if (sumsUrl == null) {
            throw new IllegalArgumentException("an rget recorder needs the sums file's public URL (public-url)");
        }
        return "url=" + URLEncoder.encode(sumsUrl, StandardCharsets.UTF_8);
    }

    @Override
    public Accepted submit(String request) throws IOException {
        LogHttp.expect(http.post(URI.create(url + "/api/v1/submit"), "application/x-www-form-urlencoded",
                request.getBytes(StandardCharsets.UTF_8)), url, 200);
        return new Accepted(NO_INDEX, null);
    }
}
