package dev.sumlog.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The downloader's parts on their own: body counting and replay, the HTML check, Retry-After, the policy. */
class DownloadPartsTest {

    static final String PREFIX = "GET http://127.0.0.1:1/mirror/a.tar.gz: ";

    static BodyChannel channel(InputStream in, long contentLength) {
        return new BodyChannel(in, PREFIX, contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength),
                Duration.ofSeconds(1));
    }

    @Test
    void aBodyLongerThanItsContentLengthFails() throws IOException {
        BodyChannel channel = channel(new ByteArrayInputStream(new byte[300]), 200);
        ByteBuffer buffer = ByteBuffer.allocate(100);
        assertThat(channel.read(buffer.clear())).isEqualTo(100);
        assertThat(channel.read(buffer.clear())).isEqualTo(100);
        DownloadException e = catchThrowableOfType(() -> channel.read(buffer.clear()), DownloadException.class);

        assertThat(e).hasMessage(PREFIX + "body longer than its Content-Length of 200 bytes");
        assertThat(e.retryable()).isTrue();
        assertThat(channel.failure()).isSameAs(e);
        assertThatThrownBy(() -> channel.read(buffer.clear())).isSameAs(e); // it stays failed
    }

    @Test
    void thePeekIsReplayedInWhateverSlicesTheReaderAsksFor() throws IOException {
        byte[] body = DownloadTestServer.bytes(3000, 1);
        BodyChannel channel = channel(new ByteArrayInputStream(body), body.length);
        channel.peek(HtmlForBinary.PEEK);
        assertThat(channel.peekLength()).isEqualTo(1024);
        assertThat(channel.received()).isEqualTo(1024);

        ByteBuffer all = ByteBuffer.allocate(body.length);
        ByteBuffer slice = ByteBuffer.allocate(7);
        for (int n = channel.read(slice); n >= 0; n = channel.read(slice.clear())) {
            all.put(slice.flip());
        }
        assertThat(all.array()).isEqualTo(body);
        assertThat(channel.received()).isEqualTo(body.length);
    }

    @Test
    void closingTheChannelEndsTheReadersUseButTheRestIsStillDrainedAndCounted() throws IOException {
        BodyChannel channel = channel(new ByteArrayInputStream(new byte[5000]), 5000);
        channel.read(ByteBuffer.allocate(10));
        channel.close();

        assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(10))).isInstanceOf(ClosedChannelException.class);
        channel.drain();
        assertThat(channel.received()).isEqualTo(5000);
    }

    @Test
    void aBodyWithoutContentLengthEndsWhereItEnds() throws IOException {
        BodyChannel channel = channel(new ByteArrayInputStream(new byte[700]), -1);
        channel.drain();
        assertThat(channel.received()).isEqualTo(700);
        assertThat(channel.failure()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-1.0.tar.gz", "A-1.0.TAR.GZ", "a.tgz", "a.tar.bz2", "a.tbz2", "a.tar.xz", "a.txz", "a.zip",
            "a-1.0-py3-none-any.whl", "a.gz", "a.bz2", "a.xz", "a.jar", "a.egg", "a.tar.gz.sig"})
    void archiveAndSignatureNamesAreBinary(String name) {
        assertThat(HtmlForBinary.isBinaryName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "a.tar.gz.asc", "a.tar.gz.sha256", "SHA256SUMS", "README", "a.gzip.txt", "zip"})
    void otherNamesAreNotBinary(String name) {
        assertThat(HtmlForBinary.isBinaryName(name)).isFalse();
    }

    @Test
    void contentTypeIsHtmlWhateverItsCaseAndParameters() {
        assertThat(HtmlForBinary.byContentType("text/html")).contains("Content-Type text/html");
        assertThat(HtmlForBinary.byContentType(" TEXT/HTML ; charset=UTF-8")).contains("Content-Type text/html");
        assertThat(HtmlForBinary.byContentType("application/gzip")).isEmpty();
        assertThat(HtmlForBinary.byContentType("text/plain")).isEmpty();
        assertThat(HtmlForBinary.byContentType("")).isEmpty();
    }

    @Test
    void firstBytesLookLikeHtmlAfterAByteOrderMarkAndWhitespace() {
        assertThat(sniff("\uFEFF\r\n  <!DocType HTML>")).contains("body starts with <!doctype html");
        assertThat(sniff("<html>")).contains("body starts with <html");
        assertThat(sniff("\t<HEAD>")).contains("body starts with <head");
        assertThat(sniff("<body>")).contains("body starts with <body");
        assertThat(sniff("<?xml version=\"1.0\"?>")).isEmpty();
        assertThat(sniff("<htm")).isEmpty();
        assertThat(sniff("x<html>")).isEmpty();
        assertThat(sniff("")).isEmpty();
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0};
        assertThat(HtmlForBinary.byFirstBytes(gzip, gzip.length)).isEmpty();
    }

    static Optional<String> sniff(String start) {
        byte[] bytes = start.getBytes(StandardCharsets.UTF_8);
        return HtmlForBinary.byFirstBytes(bytes, bytes.length);
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse(Optional.of("120"), clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(Optional.of("Thu, 01 Jan 2026 00:00:30 GMT"), clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Optional.of("Wed, 31 Dec 2025 23:00:00 GMT"), clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("99999999999999999999"), clock).orElseThrow()).isGreaterThan(Duration.ofDays(365));
        assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("-5"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        DownloadPolicy policy = new DownloadPolicy(1, 1, 1, 10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoffBefore(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffBefore(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theDefaultsAreTheDocumentedOnesAndNonsenseIsRefused() {
        assertThat(DownloadPolicy.defaults()).isEqualTo(new DownloadPolicy(4, 5, 4, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(60)));
        assertThatThrownBy(() -> new DownloadPolicy(0, 5, 4, 4, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadPolicy(1, -1, 4, 4, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadPolicy(1, 5, 4, 4, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadPolicy(1, 5, 4, 4, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesSayDurationsPlainlyAndMaskUserInfo() {
        assertThat(DownloadMessages.duration(Duration.ofSeconds(1))).isEqualTo("1 s");
        assertThat(DownloadMessages.duration(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(DownloadMessages.duration(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(DownloadMessages.safe(URI.create("http://user:pw@host/mirror/a"))).isEqualTo("http://***@host/mirror/a");
        assertThat(DownloadMessages.prefix(URI.create("http://h/a"), URI.create("http://h/b"))).isEqualTo("GET http://h/a -> http://h/b: ");
    }

    @Test
    void afterAttemptsKeepsWhatTheFailureWas() {
        DownloadException once = DownloadException.status(PREFIX, 503, Duration.ofSeconds(2));
        DownloadException last = once.afterAttempts(4);

        assertThat(last).hasMessage(PREFIX + "HTTP 503, 4 attempts").hasCause(once);
        assertThat(last.retryable()).isTrue();
        assertThat(last.status()).hasValue(503);
        assertThat(DownloadException.status(PREFIX, 404, null).retryable()).isFalse();
        assertThat(DownloadException.status(PREFIX, 429, null).retryable()).isTrue();
    }
}
