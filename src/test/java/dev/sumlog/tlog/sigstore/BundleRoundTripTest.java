package dev.sumlog.tlog.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Key-signed bundles built with {@link SigstoreBundle#forKey} from fake-log entries, read back and verified. */
class BundleRoundTripTest {

    private final KeyPair signer = FakeRekor.p256();
    private final byte[] artifact = "sha256sums of release 1.2.3\n".getBytes(StandardCharsets.UTF_8);
    private final byte[] digest = PublicKeys.sha256(artifact);
    private final byte[] signature = FakeRekor.sign(signer.getPrivate(), artifact);

    private byte[] v1Body() {
        return HashedRekordV1.canonicalBody(HexFormat.of().formatHex(digest), signature,
                HashedRekordV1.canonicalPem(signer.getPublic()));
    }

    @Test
    void v1EntryRoundTripsThroughAV03Bundle() {
        KeyPair logKey = FakeRekor.p256();
        LogKey log = LogKeys.fromSpki(FakeRekor.V1_URL, logKey.getPublic().getEncoded());
        List<RekorV1Entry> entries = FakeRekor.v1Entries(logKey, List.of("a".getBytes(), v1Body(), "c".getBytes()));
        RekorV1Entry entry = entries.get(1);
        RekorV1Verifier.verify(entry, log.key(), log.host());

        String json = SigstoreBundle.forKey(signer.getPublic(), digest, signature, entry, List.of()).toJson();

        JsonNode node = SigstoreJson.MAPPER.readTree(json);
        assertThat(node.at("/mediaType").stringValue()).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
        assertThat(node.at("/verificationMaterial/publicKey/hint").stringValue())
                .isEqualTo(Base64.getEncoder().encodeToString(PublicKeys.sha256(signer.getPublic().getEncoded())));
        assertThat(node.at("/verificationMaterial/tlogEntries/0/kindVersion/version").stringValue()).isEqualTo("0.0.1");
        assertThat(node.at("/verificationMaterial/tlogEntries/0/logIndex").stringValue()).isEqualTo("1001");
        assertThat(node.at("/verificationMaterial/tlogEntries/0/inclusionProof/logIndex").stringValue()).isEqualTo("1");
        assertThat(node.at("/verificationMaterial/tlogEntries/0/inclusionPromise/signedEntryTimestamp").isString()).isTrue();

        RekorV1Entry back = (RekorV1Entry) SigstoreBundle.parse(json).tlogEntry();
        assertThat(back.body()).isEqualTo(entry.body());
        assertThat(back.signedEntryTimestamp().orElseThrow()).isEqualTo(entry.signedEntryTimestamp().orElseThrow());
        assertThat(RekorV1Verifier.setPayload(back)).isEqualTo(RekorV1Verifier.setPayload(entry));

        BundleVerification result = BundleVerifier.verify(json, artifact, signer.getPublic(), log);
        assertThat(result.logIndex()).isEqualTo(1001);
        assertThat(result.integratedTime()).isPresent();
        assertThat(result.checkpoint().size()).isEqualTo(3);
    }

    @Test
    void aSetOfAnotherEntryFailsEvenWithAValidProof() {
        KeyPair logKey = FakeRekor.p256();
        List<RekorV1Entry> entries = FakeRekor.v1Entries(logKey, List.of("a".getBytes(), "b".getBytes()));
        RekorV1Entry a = entries.get(0);
        RekorV1Entry swapped = new RekorV1Entry(a.entryId(), a.body(), a.integratedTime(), a.logId(), a.logIndex(),
                a.inclusionProof(), entries.get(1).signedEntryTimestamp());
        assertThatThrownBy(() -> RekorV1Verifier.verify(swapped, logKey.getPublic(), "rekor.test.example"))
                .hasMessageContaining("SET: signature does not verify");
    }

    @Test
    void v2EntryRoundTripsThroughAV03BundleWithItsTimestamp() {
        FakeRekor.V2Log log = FakeRekor.V2Log.create();
        byte[] spki = signer.getPublic().getEncoded();
        byte[] body = HashedRekordV2.canonicalBody(digest, signature, spki, "PKIX_ECDSA_P256_SHA_256");
        RekorV2Entry entry = FakeRekor.v2Entries(log, List.of("x".getBytes(), "y".getBytes(), body)).get(2);
        RekorV2Verifier.verify(entry, log.logKey());
        RekorV2Verifier.verifyBody(entry, digest, signature, spki);
        byte[] timestamp = {0x30, 0x03, 0x02, 0x01, 0x07};

        String json = SigstoreBundle.forKey(signer.getPublic(), digest, signature, entry, List.of(timestamp)).toJson();

        SigstoreBundle back = SigstoreBundle.parse(json);
        assertThat(back.rfc3161Timestamps()).containsExactly(timestamp);
        RekorV2Entry parsed = (RekorV2Entry) back.tlogEntry();
        assertThat(parsed.logKeyId()).isEqualTo(log.logKey().keyId());
        assertThat(parsed.canonicalizedBody()).isEqualTo(body);
        BundleVerification result = BundleVerifier.verify(json, artifact, signer.getPublic(), log.logKey());
        assertThat(result.logIndex()).isEqualTo(2);
        assertThat(result.integratedTime()).isEmpty();
        assertThat(result.checkpoint().origin()).isEqualTo("log2026-test.rekor.test.example");
        assertThat(Mutations.survivors(entry, e -> RekorV2Verifier.verify((RekorV2Entry) e, log.logKey()))).isEmpty();
    }

    @Test
    void aBundleForAnotherLogOrSignatureFails() {
        FakeRekor.V2Log log = FakeRekor.V2Log.create();
        byte[] spki = signer.getPublic().getEncoded();
        byte[] body = HashedRekordV2.canonicalBody(digest, signature, spki, "PKIX_ECDSA_P256_SHA_256");
        RekorV2Entry entry = FakeRekor.v2Entries(log, List.of(body)).get(0);
        String json = SigstoreBundle.forKey(signer.getPublic(), digest, signature, entry, List.of()).toJson();

        assertThatThrownBy(() -> BundleVerifier.verify(json, artifact, signer.getPublic(), FakeRekor.V2Log.create().logKey()))
                .hasMessageStartingWith("Sigstore bundle: tlog entry is from an untrusted log");
        byte[] otherSignature = FakeRekor.sign(signer.getPrivate(), "other".getBytes());
        String forged = new SigstoreBundle(SigstoreBundle.MEDIA_TYPE_V03, Optional.empty(), List.of(), List.of(entry),
                List.of(), digest, otherSignature).toJson();
        assertThatThrownBy(() -> BundleVerifier.verify(forged, artifact, signer.getPublic(), log.logKey()))
                .hasMessage("Sigstore bundle: tlog body signature != messageSignature.signature");
    }
}
