package dev.sumlog.tlog.timestamp;

import dev.sumlog.tlog.TlogException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Asks an RFC 3161 time-stamping authority over HTTP (RFC 3161 §3.4) for a timestamp over a
 * signature, e.g. Sigstore's {@code https://timestamp.sigstore.dev/api/v1/timestamp}.
 *
 * <p>The answer is checked against the request (status granted, same nonce, same SHA-256 imprint,
 * a certificate included as asked) but <em>not</em> against a trusted TSA: that is
 * {@link TimestampVerifier}'s job, done by the caller before anything is recorded. One call is one
 * POST: retries belong to the caller, which can tell transient failures
 * ({@link TsaUnavailableException}) from permanent ones ({@link TlogException}).
 */
public final class TimestampClient {

    /** A TimeStampResp with a few certificates is a few KiB; more is refused unread. */
    static final int MAX_REPLY = 64 * 1024;

    private static final String QUERY_TYPE = "application/timestamp-query";
    private static final String REPLY_TYPE = "application/timestamp-reply";

    private final HttpClient http;
    private final URI url;
    private final Duration timeout;
    private final String shownUrl;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param http    shared client (proxy, TLS and redirects are the caller's choice)
     * @param url     the TSA endpoint, e.g. a trusted root's {@code timestampAuthorities[].uri}
     * @param timeout per-request timeout
     */
    public TimestampClient(HttpClient http, URI url, Duration timeout) {
        this.http = http;
        this.url = url;
        this.timeout = timeout;
        this.shownUrl = withoutSecrets(url);
    }

    public URI url() {
        return url;
    }

    /**
     * POSTs one TimeStampReq for SHA-256({@code signature}) with a fresh random nonce and
     * certReq=true.
     *
     * @return the DER TimeStampResp exactly as received, the form a Sigstore bundle stores
     * @throws TsaUnavailableException on HTTP 5xx or 429, a timeout or a connection failure
     * @throws InterruptedIOException  if the thread was interrupted (its flag is set again)
     * @throws TlogException           on any other status, a wrong content type, a body that is not a
     *                                 DER TimeStampResp, a refusal, or an answer to another request
     */
    public byte[] timestamp(byte[] signature) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(128, random);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, SignedTimestamps.sha256(signature), nonce);
        byte[] body = post(request.getEncoded());
        TimeStampResponse response = SignedTimestamps.parse(body, prefix() + "reply");
        if (!SignedTimestamps.granted(response)) {
            throw new TlogException(prefix() + "TSA refused the request: " + SignedTimestamps.describeStatus(response));
        }
        requireAnswers(request, response);
        return body;
    }

    private byte[] post(byte[] query) throws IOException {
        HttpRequest post = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", QUERY_TYPE)
                .header("Accept", REPLY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(query))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(prefix() + "interrupted");
        } catch (IOException e) {
            throw new TsaUnavailableException(prefix() + SignedTimestamps.oneLine(e.toString()), Optional.empty(), e);
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                throw new TsaUnavailableException(prefix() + "HTTP " + status, retryAfter(response), null);
            }
            if (status != 200) {
                throw new TlogException(prefix() + "HTTP " + status);
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(REPLY_TYPE)) {
                throw new TlogException(prefix() + "Content-Type is \"" + SignedTimestamps.oneLine(type)
                        + "\", not " + REPLY_TYPE);
            }
            byte[] body;
            try {
                body = in.readNBytes(MAX_REPLY + 1);
            } catch (IOException e) {
                throw new TsaUnavailableException(prefix() + "reading the reply: " + SignedTimestamps.oneLine(e.toString()),
                        Optional.empty(), e);
            }
            if (body.length > MAX_REPLY) {
                throw new TlogException(prefix() + "reply larger than " + MAX_REPLY + " bytes");
            }
            return body;
        }
    }

    /** The token must answer this request: RFC 3161 §2.4.2 requires the same nonce and imprint. */
    private void requireAnswers(TimeStampRequest request, TimeStampResponse response) {
        TimeStampTokenInfo info = response.getTimeStampToken().getTimeStampInfo();
        if (!request.getNonce().equals(info.getNonce())) {
            throw new TlogException(prefix() + "reply nonce does not match the request's");
        }
        if (!request.getMessageImprintAlgOID().equals(info.getMessageImprintAlgOID())
                || !Arrays.equals(request.getMessageImprintDigest(), info.getMessageImprintDigest())) {
            throw new TlogException(prefix() + "reply message imprint does not match the request's");
        }
        try {
            response.validate(request); // certReq honoured, signing-certificate attribute present, policy
        } catch (TSPException e) {
            throw new TlogException(prefix() + "reply does not answer the request (" + SignedTimestamps.oneLine(e.getMessage()) + ")", e);
        }
    }

    private String prefix() {
        return "timestamp " + shownUrl + ": ";
    }

    /** Messages name the URL, but never credentials in its user info or query. */
    private static String withoutSecrets(URI url) {
        if (url.getRawUserInfo() == null && url.getRawQuery() == null) {
            return url.toString();
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + Optional.ofNullable(url.getRawPath()).orElse("");
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())));
    }
}
