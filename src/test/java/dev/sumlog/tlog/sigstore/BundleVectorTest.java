package dev.sumlog.tlog.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.Vectors;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real bundles of the vectors. They are all certificate-signed: the signature is checked
 * with the certificate's key, but the Fulcio chain and the signer identity are not verified
 * (out of scope here); the tlog parts are verified in full.
 */
class BundleVectorTest {

    private static final String GITHUB = "sigstore-python/bundle_v3_github.whl.sigstore";
    private static final String NO_SIGNED_TIME = "sigstore-python/bundle_v3_no_signed_time.txt";
    private static final String STAGING_V1 = "sigstore-python/bundle.txt";
    private static final String STAGING_V2 = "sigstore-python/staging-rekor-v2.txt";

    private static PublicKey certificateKey(SigstoreBundle bundle) {
        return bundle.certificate().orElseThrow().getPublicKey();
    }

    private static BundleVerification verify(String bundleFile, byte[] artifact, String root) {
        String json = Vectors.text(bundleFile);
        return BundleVerifier.verify(json, artifact, certificateKey(SigstoreBundle.parse(json)), SigstoreVectors.root(root));
    }

    @BeforeEach
    void requireVectors() {
        SigstoreVectors.require();
    }

    @Test
    void prodV02BundleWithoutItsArtifactVerifiesTlogSetAndCertificateKeySignatureOverTheDigest() {
        BundleVerification result = verify(GITHUB, null, SigstoreVectors.PROD_ROOT);
        assertThat(result.log().baseUrl()).isEqualTo("https://rekor.sigstore.dev");
        assertThat(result.logIndex()).isEqualTo(79605083);
        assertThat(result.integratedTime()).contains(Instant.ofEpochSecond(1710888076));
        assertThat(result.checkpoint().size()).isEqualTo(75441653);
        RekorV1Entry entry = (RekorV1Entry) result.entry();
        assertThat(entry.inclusionProof().logIndex()).isEqualTo(75441652);
        assertThat(entry.uuid()).isEqualTo("268fea7b149eff7a08fea532ca55b49fabdd1c3b9e64eb090e5585493c9b9abb");
    }

    @Test
    void prodV03BundleWithNoSetVerifiesWithItsArtifactAndHasNoSignedTime() {
        BundleVerification result = verify(NO_SIGNED_TIME + ".sigstore.json", Vectors.bytes(NO_SIGNED_TIME),
                SigstoreVectors.PROD_ROOT);
        assertThat(result.integratedTime()).isEmpty();
        assertThat(result.logIndex()).isEqualTo(154562758);
        assertThat(result.checkpoint().origin()).isEqualTo("rekor.sigstore.dev - 1193050959916656506");
        assertThat(result.checkpoint().size()).isEqualTo(32658497);
    }

    @Test
    void stagingV01BundleVerifiesWithItsArtifact() {
        BundleVerification result = verify(STAGING_V1 + ".sigstore", Vectors.bytes(STAGING_V1), SigstoreVectors.STAGING_ROOT);
        assertThat(result.log().host()).isEqualTo("rekor.sigstage.dev");
        assertThat(result.checkpoint().extensions()).containsExactly("Timestamp: 1682468469199678948");
        assertThat(result.integratedTime()).contains(Instant.ofEpochSecond(1682468469));
    }

    @Test
    void stagingRekorV2BundleVerifiesWithItsArtifactAndExposesItsTimestamp() {
        BundleVerification result = verify(STAGING_V2 + ".sigstore.json", Vectors.bytes(STAGING_V2),
                SigstoreVectors.JAVA_STAGING_ROOT);
        assertThat(result.log().baseUrl()).isEqualTo("https://log2025-alpha1.rekor.sigstage.dev");
        assertThat(result.logIndex()).isEqualTo(645);
        assertThat(result.integratedTime()).isEmpty();
        SigstoreBundle bundle = SigstoreVectors.bundle(STAGING_V2 + ".sigstore.json");
        assertThat(bundle.rfc3161Timestamps()).hasSize(1);
        assertThat(bundle.rfc3161Timestamps().get(0)[0]).isEqualTo((byte) 0x30); // a DER SEQUENCE
    }

    @Test
    void theWrongArtifactOrSignerOrTrustRootFails() {
        assertThatThrownBy(() -> verify(STAGING_V1 + ".sigstore", "other".getBytes(), SigstoreVectors.STAGING_ROOT))
                .hasMessage("Sigstore bundle: messageDigest is not the SHA-256 of the artifact");
        assertThatThrownBy(() -> verify(STAGING_V1 + ".sigstore", Vectors.bytes(STAGING_V1), SigstoreVectors.PROD_ROOT))
                .hasMessageStartingWith("Sigstore bundle: tlog entry is from an untrusted log (ID d32f30a3");
        String json = Vectors.text(GITHUB);
        PublicKey stranger = FakeRekor.p256().getPublic();
        assertThatThrownBy(() -> BundleVerifier.verify(json, null, stranger, SigstoreVectors.root(SigstoreVectors.PROD_ROOT)))
                .hasMessage("Sigstore bundle: tlog body names another signer key");
    }

    @Test
    void everySingleByteChangeOfEachRealBundleEntryFails() {
        check(GITHUB, null, SigstoreVectors.PROD_ROOT);
        check(NO_SIGNED_TIME + ".sigstore.json", Vectors.bytes(NO_SIGNED_TIME), SigstoreVectors.PROD_ROOT);
        check(STAGING_V1 + ".sigstore", Vectors.bytes(STAGING_V1), SigstoreVectors.STAGING_ROOT);
        check(STAGING_V2 + ".sigstore.json", Vectors.bytes(STAGING_V2), SigstoreVectors.JAVA_STAGING_ROOT);
    }

    private static void check(String file, byte[] artifact, String rootFile) {
        SigstoreBundle bundle = SigstoreVectors.bundle(file);
        PublicKey signer = certificateKey(bundle);
        TrustedRoot root = SigstoreVectors.root(rootFile);
        LogKey log = BundleVerifier.verify(Vectors.text(file), artifact, signer, root).log();
        List<String> survivors = Mutations.survivors(bundle.tlogEntry(), mutant -> BundleVerifier.verify(
                withEntry(bundle, mutant), artifact, signer, e -> Optional.of(log)));
        assertThat(survivors).as(file).isEmpty();
    }

    private static SigstoreBundle withEntry(SigstoreBundle bundle, TlogEntry entry) {
        return new SigstoreBundle(bundle.mediaType(), bundle.publicKeyHint(), bundle.certificates(), List.of(entry),
                bundle.rfc3161Timestamps(), bundle.messageDigest(), bundle.signature());
    }

    @Test
    void realBundlesStillVerifyAfterBeingWrittenAndReadBack() {
        rewritten(GITHUB, null, SigstoreVectors.PROD_ROOT);
        rewritten(NO_SIGNED_TIME + ".sigstore.json", Vectors.bytes(NO_SIGNED_TIME), SigstoreVectors.PROD_ROOT);
        rewritten(STAGING_V1 + ".sigstore", Vectors.bytes(STAGING_V1), SigstoreVectors.STAGING_ROOT);
        rewritten(STAGING_V2 + ".sigstore.json", Vectors.bytes(STAGING_V2), SigstoreVectors.JAVA_STAGING_ROOT);
    }

    private static void rewritten(String file, byte[] artifact, String rootFile) {
        SigstoreBundle bundle = SigstoreVectors.bundle(file);
        String json = bundle.toJson();
        SigstoreBundle back = SigstoreBundle.parse(json);
        assertThat(back.mediaType()).isEqualTo(bundle.mediaType());
        assertThat(back.certificates()).containsExactlyElementsOf(bundle.certificates());
        assertThat(back.rfc3161Timestamps()).containsExactlyElementsOf(bundle.rfc3161Timestamps());
        assertThat(back.tlogEntry().canonicalizedBody()).isEqualTo(bundle.tlogEntry().canonicalizedBody());
        BundleVerification before = verify(file, artifact, rootFile);
        BundleVerification after = BundleVerifier.verify(json, artifact, certificateKey(back), SigstoreVectors.root(rootFile));
        assertThat(after.logIndex()).isEqualTo(before.logIndex());
        assertThat(after.integratedTime()).isEqualTo(before.integratedTime());
        assertThat(after.checkpoint().format()).isEqualTo(before.checkpoint().format());
    }

    @Test
    void unsupportedBundlesGetOneLine() {
        assertThatThrownBy(() -> SigstoreBundle.parse("{\"mediaType\":\"application/json\"}"))
                .isInstanceOf(TlogException.class).hasMessage("Sigstore bundle: unsupported mediaType 'application/json'");
        assertThatThrownBy(() -> SigstoreBundle.parse("{\"mediaType\":\"" + SigstoreBundle.MEDIA_TYPE_V03
                + "\",\"dsseEnvelope\":{}}")).hasMessageContaining("DSSE envelope bundles are not supported");
        String json = Vectors.text(GITHUB).replace("\"hashes\": [", "\"hashes\": [\"%%\",");
        assertThatThrownBy(() -> SigstoreBundle.parse(json)).hasMessageContaining(
                "verificationMaterial.tlogEntries[0]: inclusionProof: hashes[0] is not base64");
    }

    @Test
    void v1BundleEntriesMapToTheApiForm() {
        RekorV1Entry entry = (RekorV1Entry) SigstoreVectors.bundle(GITHUB).tlogEntry();
        assertThat(entry.logId()).isEqualTo("c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d");
        assertThat(entry.logIndex()).isEqualTo(79605083);
        assertThat(entry.inclusionProof().hashes()).hasSize(16);
        assertThat(HexFormat.of().formatHex(entry.inclusionProof().rootHash())).startsWith("b80a88de");
    }
}
