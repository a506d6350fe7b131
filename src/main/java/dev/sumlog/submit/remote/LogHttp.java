package dev.sumlog.submit.remote;

import dev.sumlog.submit.TransientLogException;
import dev.sumlog.support.OneLine;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP for remote logs: one request, with the log's status codes turned into the outcomes the submit
 * path acts on. 429, 503 and other 5xx, resets and timeouts are transient (with the server's
 * Retry-After, in seconds or as a date); 400 is a rejection; 405 a frozen log. Bodies are bounded
 * and messages are one line: a hostile server cannot flood the console or the catalog.
 */
public final class LogHttp {

    /** Bodies larger than this are refused unread: a log entry with its proof is a few kilobytes. */
    static final int MAX_BODY = 1 << 20;
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,300})");

    private final HttpClient client;
    private final Duration timeout;

    public LogHttp(Duration timeout) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build(), timeout);
    }

    LogHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** A response with its status, headers and body (at most {@link #MAX_BODY} bytes). */
    public record Answer(int status, java.net.http.HttpHeaders headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public Answer post(URI url, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Answer get(URI url) throws IOException {
        return send(HttpRequest.newBuilder(url).timeout(timeout).GET().build());
    }

    /**
     * One exchange, headers and body both within the timeout (a server that sends headers and then
     * stalls is abandoned too), the body capped at {@link #MAX_BODY}.
     */
    private Answer send(HttpRequest request) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new BoundedBody(MAX_BODY));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new TransientLogException(request.uri() + ": no answer within " + timeout.toSeconds() + " s", null);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException(request.uri() + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BoundedBody.TooLargeException tooLarge) {
                throw new RejectedException(request.uri() + ": " + tooLarge.getMessage());
            }
            if (cause instanceof HttpTimeoutException) {
                throw new TransientLogException(request.uri() + ": no answer within " + timeout.toSeconds() + " s", null);
            }
            if (cause instanceof ConnectException) {
                throw new TransientLogException(request.uri() + ": cannot connect: " + describe(cause), null);
            }
            throw new TransientLogException(request.uri() + ": " + describe(cause), null);
        }
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    /**
     * Throws what a non-success status means; returns normally for the statuses in {@code expected}.
     */
    public static Answer expect(Answer answer, URI url, int... expected) throws IOException {
        for (int status : expected) {
            if (answer.status() == status) {
                return answer;
            }
        }
        int status = answer.status();
        String what = url + ": HTTP " + status + message(answer);
        if (status == 429 || status >= 500) {
            throw new TransientLogException(what, retryAfter(answer).orElse(null));
        }
        if (status == 405) {
            throw new FrozenLogException(what);
        }
        if (status == 400) {
            throw new RejectedException("rejected by " + what);
        }
        throw new RejectedException("unexpected answer from " + what);
    }

    /** The server's own message (Rekor's {@code {"code":..,"message":..}}), shortened to one line. */
    static String message(Answer answer) {
        Matcher m = MESSAGE.matcher(answer.body());
        if (m.find()) {
            return ": " + OneLine.escape(m.group(1));
        }
        return "";
    }

    static Optional<Duration> retryAfter(Answer answer) {
        return answer.header("Retry-After").flatMap(LogHttp::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException neither) {
                return Optional.empty();
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return OneLine.escape(message.lines().findFirst().orElse(message));
    }
}
