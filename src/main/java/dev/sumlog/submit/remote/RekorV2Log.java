package dev.sumlog.submit.remote;

import dev.sumlog.signing.SigningKey;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.sigstore.HashedRekordV1;
import dev.sumlog.tlog.sigstore.HashedRekordV2;
import dev.sumlog.tlog.sigstore.InclusionProof;
import dev.sumlog.tlog.sigstore.LogKey;
import dev.sumlog.tlog.sigstore.RekorV2Entry;
import dev.sumlog.tlog.sigstore.RekorV2Verifier;
import dev.sumlog.tlog.sigstore.SigstoreBundle;
import dev.sumlog.tlog.tiles.TileFetcher;
import dev.sumlog.tlog.tiles.TileReader;
import java.io.IOException;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;

/**
 * Rekor v2 ({@code POST /api/v2/log/entries}, hashedRekordRequestV002). The checkpoint is verified
 * first (C2SP note, Ed25519, key chosen by key ID, origin = the log's host); index and root come only
 * from it; then the inclusion of SHA-256(0x00 || canonicalizedBody), and the body must name exactly
 * the digest, signature and key sent. A 409 gives the existing entry's index in {@code X-Log-Index}:
 * it is read back through the log's tiles and verified the same way. v2 has no signed entry
 * timestamp, so every bundle carries a verified RFC 3161 timestamp.
 */
public final class RekorV2Log extends RekorLog {

    private static final String ENTRIES = "/api/v2/log/entries";

    private final TileFetcher tiles;

    public RekorV2Log(URI url, LogKey logKey, SigningKey signer, LogHttp http, TileFetcher tiles,
                      Timestamps timestamps, String receiptSuffix) {
        super(new Settings(url, logKey, signer, http, timestamps, receiptSuffix));
        this.tiles = tiles;
    }

    @Override
    public String request(String sumsSha256, String sumsUrl) {
        byte[] digest = HexFormat.of().parseHex(sumsSha256);
        return HashedRekordV2.request(digest, signer.signDigest(digest), signer.spkiDer(), signer.keyDetails());
    }

    @Override
    public Accepted submit(String request) throws IOException {
        SignedRequest sent = SignedRequest.ofV2(request);
        List<byte[]> stamps = timestamps.over(sent.signature());
        LogHttp.Answer answer = post(ENTRIES, request);
        RekorV2Entry entry;
        try {
            entry = answer.status() == 201 ? RekorV2Entry.parse(answer.body()) : fromTiles(answer);
            RekorV2Verifier.verify(entry, logKey);
            RekorV2Verifier.verifyBody(entry, sent.sha256(), sent.signature(), signer.spkiDer());
        } catch (TlogException | IllegalArgumentException e) {
            throw new UnverifiedAnswerException(url + ": " + e.getMessage(), e);
        }
        String bundle = SigstoreBundle.forKey(signer.publicKey(), sent.sha256(), sent.signature(), entry, stamps).toJson();
        return new Accepted(entry.logIndex(), bundle);
    }

    /** The entry a 409 names, with an inclusion proof computed from the log's tiles at its current checkpoint. */
    private RekorV2Entry fromTiles(LogHttp.Answer conflict) throws IOException {
        String header = conflict.header("X-Log-Index").orElseThrow(() -> new UnverifiedAnswerException(
                url + ": HTTP 409 without X-Log-Index"));
        long index;
        try {
            index = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new UnverifiedAnswerException(url + ": HTTP 409 with a bad X-Log-Index");
        }
        String origin = logKey.host();
        TileReader reader = TileReader.open(tiles, NoteVerifiers.of(logKey.checkpointVerifier()), origin);
        if (index < 0 || index >= reader.size()) {
            throw new UnverifiedAnswerException(url + ": X-Log-Index " + index + " is not in the log (size "
                    + reader.size() + ")");
        }
        InclusionProof proof = new InclusionProof(index, reader.size(), reader.rootHash(reader.size()),
                reader.inclusionProof(index, reader.size()), reader.checkpointNote());
        return new RekorV2Entry(index, logKey.keyId(), HashedRekordV1.KIND, HashedRekordV2.API_VERSION, 0, proof,
                reader.entry(index));
    }
}
