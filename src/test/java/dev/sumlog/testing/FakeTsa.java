package dev.sumlog.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sumlog.tlog.timestamp.TrustedTsa;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A real RFC 3161 time-stamping authority on 127.0.0.1 for tests, built with Bouncy Castle: it has
 * its own root CA, intermediate and leaf (EKU timeStamping, critical), answers
 * {@code POST /api/v1/timestamp} like timestamp.sigstore.dev, and can be told to misbehave. Fault
 * switches stay set until changed, except {@link #failNext}, which is used up by one request each.
 */
public final class FakeTsa implements AutoCloseable {

    /** Sigstore's TSA policy OID; any OID would do, this one makes tokens look like the real ones. */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.57264.2");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final FakeTsaSigner trusted;
    private final FakeTsaSigner impostor;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger serials = new AtomicInteger();
    private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
    private volatile String rejection;
    private volatile byte[] replyBody;
    private volatile boolean wrongImprint;
    private volatile boolean wrongNonce;
    private volatile boolean untrustedSigner;
    private volatile Instant genTime;
    private volatile Duration delay = Duration.ZERO;

    private FakeTsa(boolean leafHasTimeStamping) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        trusted = FakeTsaSigner.create(now, leafHasTimeStamping, Optional.empty());
        impostor = FakeTsaSigner.create(now, true, Optional.of(trusted.leaf().getSerialNumber()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/timestamp", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A well-behaved TSA. */
    public static FakeTsa start() throws IOException {
        return new FakeTsa(true);
    }

    /**
     * A TSA whose published leaf lacks the timeStamping extended key usage. Bouncy Castle will not sign
     * with such a certificate, so tokens are signed by the same key under a twin certificate that has
     * it; a verifier must reject them for the published leaf's missing usage.
     */
    public static FakeTsa startWithLeafLackingTimeStamping() throws IOException {
        return new FakeTsa(false);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/timestamp");
    }

    /** Leaf first, root last, as a Sigstore trusted root lists {@code certChain}. */
    public List<X509Certificate> chain() {
        return trusted.chain();
    }

    /** This TSA as a verifier trusts it: its chain, valid from its leaf's notBefore, open-ended. */
    public TrustedTsa trustedTsa() {
        return new TrustedTsa(chain(), validFrom(), Optional.empty());
    }

    public Instant validFrom() {
        return trusted.leaf().getNotBefore().toInstant();
    }

    /** One {@code timestampAuthorities} entry of a Sigstore trusted_root.json (a JSON object). */
    public String trustedRootJson() {
        String certificates = chain().stream()
                .map(c -> "{\"rawBytes\":\"" + Base64.getEncoder().encodeToString(der(c)) + "\"}")
                .collect(Collectors.joining(","));
        return "{\"subject\":{\"organization\":\"sumlog test\",\"commonName\":\"fake-tsa\"},\"uri\":\"" + url()
                + "\",\"certChain\":{\"certificates\":[" + certificates + "]},\"validFor\":{\"start\":\""
                + validFrom() + "\"}}";
    }

    public int requests() {
        return requests.get();
    }

    /** The next requests get these HTTP statuses (one each, in order) and a text body. */
    public void failNext(int... httpStatuses) {
        for (int status : httpStatuses) {
            failures.add(status);
        }
    }

    /** Answer with PKIStatus rejection and this status string; null to grant again. */
    public void reject(String statusString) {
        this.rejection = statusString;
    }

    /** Answer 200 application/timestamp-reply with this body instead of a TimeStampResp; null to stop. */
    public void replyWith(byte[] body) {
        this.replyBody = body;
    }

    public void wrongImprint(boolean on) {
        this.wrongImprint = on;
    }

    public void wrongNonce(boolean on) {
        this.wrongNonce = on;
    }

    /** Sign with an impostor: another key whose certificates copy the trusted ones' names and serial. */
    public void untrustedSigner(boolean on) {
        this.untrustedSigner = on;
    }

    /** Put this genTime in tokens; null for the current time. */
    public void genTime(Instant time) {
        this.genTime = time;
    }

    /** Wait this long before answering (for client timeouts). */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] query = exchange.getRequestBody().readAllBytes();
            Thread.sleep(delay.toMillis());
            Integer status = failures.poll();
            if (status != null) {
                send(exchange, status, "text/plain", ("fake TSA says " + status).getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = replyBody;
            if (body == null) {
                body = answer(new TimeStampRequest(query));
            }
            send(exchange, 200, "application/timestamp-reply", body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            send(exchange, 400, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private byte[] answer(TimeStampRequest request) throws Exception {
        TimeStampTokenGenerator tokens = (untrustedSigner ? impostor : trusted).tokenGenerator(POLICY);
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        String refusal = rejection;
        if (refusal != null) {
            return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badRequest, refusal).getEncoded();
        }
        TimeStampRequest signed = request;
        if (wrongImprint || wrongNonce) {
            TimeStampRequestGenerator altered = new TimeStampRequestGenerator();
            altered.setCertReq(request.getCertReq());
            byte[] imprint = request.getMessageImprintDigest().clone();
            imprint[0] ^= wrongImprint ? 1 : 0;
            BigInteger nonce = wrongNonce ? request.getNonce().add(BigInteger.ONE) : request.getNonce();
            signed = altered.generate(request.getMessageImprintAlgOID(), imprint, nonce);
        }
        Instant time = genTime == null ? Instant.now() : genTime;
        // No status string, like timestamp.sigstore.dev (Bouncy Castle would add "Operation Okay").
        return responses.generateGrantedResponse(signed, BigInteger.valueOf(serials.incrementAndGet()), Date.from(time), null)
                .getEncoded();
    }

    /** A DER TimeStampResp with status rejection and this text, as a stored value for verifier tests. */
    public static byte[] refusal(String statusString) throws Exception {
        return FakeTsaSigner.create(Instant.now(), true, Optional.empty()).refusal(POLICY, statusString);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
