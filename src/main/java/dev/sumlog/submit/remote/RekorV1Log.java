package dev.sumlog.submit.remote;

import dev.sumlog.signing.SigningKey;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.sigstore.HashedRekordV1;
import dev.sumlog.tlog.sigstore.LogKey;
import dev.sumlog.tlog.sigstore.RekorV1Entry;
import dev.sumlog.tlog.sigstore.RekorV1Verifier;
import dev.sumlog.tlog.sigstore.SigstoreBundle;
import java.io.IOException;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;

/**
 * Rekor v1 ({@code POST /api/v1/log/entries}, hashedrekord 0.0.1) over the exact bytes of a sums
 * file: the digest is theirs, the signature is SHA256withECDSA over them. Before an answer counts,
 * the signed entry timestamp, the inclusion proof (at the shard-local index) and the checkpoint
 * (signed under the log's host name, not its origin line) are verified with the log's key, and the
 * logged body must be the one sent. A 409 (the same body is there already, e.g. after a crash between
 * the POST and the commit) is fetched from its Location and verified the same way.
 */
public final class RekorV1Log extends RekorLog {

    private static final String ENTRIES = "/api/v1/log/entries";


    public RekorV1Log(URI url, LogKey logKey, SigningKey signer, LogHttp http, Timestamps timestamps,
                      String receiptSuffix) {
        super(new Settings(url, logKey, signer, http, timestamps, receiptSuffix));
    }

    @Override
    public String request(String sumsSha256, String sumsUrl) {
        byte[] signature = signer.signDigest(HexFormat.of().parseHex(sumsSha256));
        return HashedRekordV1.request(sumsSha256, signature, signer.publicKeyPem());
    }

    @Override
    public Accepted submit(String request) throws IOException {
        SignedRequest sent = SignedRequest.ofV1(request);
        byte[] expectedBody = HashedRekordV1.canonicalBody(sent.sha256Hex(), sent.signature(), signer.publicKeyPem());
        List<byte[]> stamps = timestamps.over(sent.signature());
        LogHttp.Answer answer = post(ENTRIES, request);
        if (answer.status() == 409) {
            answer = LogHttp.expect(http.get(existing(answer, expectedBody)), url, 200);
        }
        RekorV1Entry entry;
        try {
            entry = RekorV1Entry.parse(answer.body());
            RekorV1Verifier.verify(entry, logKey.key(), logKey.host());
            RekorV1Verifier.expectBody(entry, expectedBody);
        } catch (TlogException | IllegalArgumentException e) {
            throw new UnverifiedAnswerException(url + ": " + e.getMessage(), e);
        }
        String bundle = SigstoreBundle.forKey(signer.publicKey(), sent.sha256(), sent.signature(), entry, stamps).toJson();
        return new Accepted(entry.logIndex(), bundle);
    }

    /**
     * Where the entry a 409 refers to is: its Location when that stays on this log, else the entry
     * whose UUID the body predicts (a hostile Location must not send sumlog elsewhere).
     */
    private URI existing(LogHttp.Answer conflict, byte[] expectedBody) {
        URI byUuid = URI.create(url + ENTRIES + "/" + HashedRekordV1.uuid(expectedBody));
        return conflict.header("Location").map(location -> {
            try {
                URI resolved = url.resolve(location);
                boolean sameLog = resolved.getScheme().equals(url.getScheme())
                        && resolved.getRawAuthority().equalsIgnoreCase(url.getRawAuthority())
                        && resolved.getRawPath().matches("(?i)" + java.util.regex.Pattern.quote(
                                (url.getRawPath() == null ? "" : url.getRawPath()) + ENTRIES) + "/[0-9a-f]{64,80}")
                        && resolved.getRawQuery() == null;
                return sameLog ? resolved : byUuid;
            } catch (IllegalArgumentException e) {
                return byUuid;
            }
        }).orElse(byUuid);
    }
}
