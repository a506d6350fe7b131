package dev.sumlog.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.signature.SignatureResult.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signatures made by the real gpg with throw-away RSA and Ed25519 keys, checked by {@link DetachedSignatures}
 * and, for each case, by {@code gpg --verify} with the same keys, which must agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetachedSignaturesGpgTest {

    private Path dir;
    private GpgSigned world;
    private TrustedKeys keys;

    @BeforeAll
    void makeKeysAndSignatures(@TempDir Path dir) throws Exception {
        this.dir = dir;
        world = new GpgSigned(dir);
        keys = Keyrings.load(List.of(world.file("trusted.asc")));
    }

    @AfterAll
    void stopAgents() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void rsaArmoredSignatureIsGoodWithGpgsFingerprint() throws Exception {
        SignatureResult result = check("rsa.asc");

        assertThat(result.status()).isEqualTo(Status.GOOD);
        assertThat(result.fingerprint()).contains(world.rsa);
        assertThat(result.signingKeyFingerprint()).contains(world.rsa);
        Gpg.Result gpg = world.gpgVerify("rsa.asc", world.artifact);
        assertThat(gpg.exitCode()).isZero();
        assertThat(gpg.hasStatus("GOODSIG")).isTrue();
        assertThat(gpg.statusFields("VALIDSIG").get(0)).isEqualTo(result.signingKeyFingerprint().orElseThrow());
        assertThat(Instant.ofEpochSecond(Long.parseLong(gpg.statusFields("VALIDSIG").get(2))))
                .isEqualTo(result.signedAt().orElseThrow());
    }

    @Test
    void ed25519BinarySignatureIsGood() throws Exception {
        SignatureResult result = check("ed.sig");

        assertThat(result.status()).isEqualTo(Status.GOOD);
        assertThat(result.fingerprint()).contains(world.ed);
        Gpg.Result gpg = world.gpgVerify("ed.sig", world.artifact);
        assertThat(gpg.exitCode()).isZero();
        assertThat(gpg.statusFields("VALIDSIG").get(9)).isEqualTo(world.ed);
    }

    @Test
    void signingSubkeyReportsPrimaryAndSubkeyFingerprints() throws Exception {
        SignatureResult result = check("subkey.asc");

        assertThat(result.status()).isEqualTo(Status.GOOD);
        assertThat(result.fingerprint()).contains(world.withSubkey);
        assertThat(result.signingKeyFingerprint()).contains(world.subkey);
        assertThat(world.subkey).isNotEqualTo(world.withSubkey);
        Gpg.Result gpg = world.gpgVerify("subkey.asc", world.artifact);
        assertThat(gpg.exitCode()).isZero();
        List<String> validsig = gpg.statusFields("VALIDSIG");
        assertThat(validsig.get(0)).isEqualTo(world.subkey);
        assertThat(validsig.get(9)).isEqualTo(world.withSubkey);
    }

    @Test
    void tamperedArtifactIsBad() throws Exception {
        byte[] tampered = world.artifactBytes.clone();
        tampered[123_456] ^= 0x01;
        Path file = Files.write(dir.resolve("tampered.tar.gz"), tampered);

        for (String signature : List.of("rsa.asc", "ed.sig")) {
            SignatureResult result = DetachedSignatures.verify(keys, file, world.file(signature));

            assertThat(result.status()).as(signature).isEqualTo(Status.BAD);
            assertThat(result.detail()).contains("does not match");
            Gpg.Result gpg = world.gpgVerify(signature, file);
            assertThat(gpg.exitCode()).as(signature).isNotZero();
            assertThat(gpg.hasStatus("BADSIG")).isTrue();
        }
    }

    @Test
    void keyNotInTheKeyringsIsUnknown() throws Exception {
        SignatureResult result = check("stranger.asc");

        assertThat(result.status()).isEqualTo(Status.UNKNOWN_KEY);
        assertThat(result.fingerprint()).isEmpty();
        assertThat(result.detail()).contains(world.stranger).contains("not in the trusted keyrings");
        Gpg.Result gpg = world.gpgVerify("stranger.asc", world.artifact);
        assertThat(gpg.exitCode()).isNotZero();
        assertThat(gpg.hasStatus("NO_PUBKEY")).isTrue();
    }

    @Test
    void signatureMadeAfterTheKeyExpiredIsExpiredKey() throws Exception {
        SignatureResult result = check("old-after-expiry.asc");

        assertThat(result.status()).isEqualTo(Status.EXPIRED_KEY);
        assertThat(result.fingerprint()).contains(world.old);
        assertThat(result.signedAt()).contains(Instant.parse("2020-01-05T00:00:00Z"));
        assertThat(result.detail()).contains("expired");
        // gpg 2.2 exits 0 here: it flags an expired key (EXPKEYSIG) but does not compare the times.
        Gpg.Result gpg = world.gpgVerify("old-after-expiry.asc", world.artifact);
        assertThat(gpg.hasStatus("EXPKEYSIG")).isTrue();
        assertThat(gpg.hasStatus("GOODSIG")).isFalse();
    }

    @Test
    void subkeyExpiresWithItsPrimaryKey() throws Exception {
        SignatureResult result = check("subkey-after-primary-expiry.asc");

        assertThat(result.status()).isEqualTo(Status.EXPIRED_KEY);
        assertThat(result.fingerprint()).contains(world.expiredPrimary);
        assertThat(result.signingKeyFingerprint()).isPresent().isNotEqualTo(result.fingerprint());
        assertThat(result.detail()).contains("after subkey").contains("expired 2020-01-02T01:00");
        assertThat(world.gpgVerify("subkey-after-primary-expiry.asc", world.artifact).hasStatus("GOODSIG")).isFalse();
    }

    @Test
    void signatureMadeWhileAKeyNowExpiredWasValidStaysGood() throws Exception {
        SignatureResult result = check("old-inside.asc");

        assertThat(result.status()).isEqualTo(Status.GOOD);
        assertThat(result.fingerprint()).contains(world.old);
        assertThat(result.detail()).contains("valid until 2020-01-02T01:00");
        Gpg.Result gpg = world.gpgVerify("old-inside.asc", world.artifact);
        assertThat(gpg.exitCode()).isZero();
        assertThat(gpg.hasStatus("EXPKEYSIG")).isTrue();
    }

    @Test
    void signatureMadeBeforeTheKeyExistedIsBad() throws Exception {
        SignatureResult result = check("before-creation.asc");

        assertThat(result.status()).isEqualTo(Status.BAD);
        assertThat(result.fingerprint()).contains(world.ed);
        assertThat(result.detail()).contains("before key " + world.ed + " was created");
        Gpg.Result gpg = world.gpgVerify("before-creation.asc", world.artifact);
        assertThat(gpg.exitCode()).isNotZero();
        assertThat(gpg.hasStatus("GOODSIG")).isFalse();
    }

    @Test
    void revokedKeyIsBad() throws Exception {
        SignatureResult result = check("revoked.asc");

        assertThat(result.status()).isEqualTo(Status.BAD);
        assertThat(result.fingerprint()).contains(world.revoked);
        assertThat(result.detail()).contains("revoked");
        // gpg exits 0 but flags the key as revoked.
        Gpg.Result gpg = world.gpgVerify("revoked.asc", world.artifact);
        assertThat(gpg.hasStatus("REVKEYSIG")).isTrue();
    }

    @Test
    void missingSignatureFileIsNoSignature() throws Exception {
        SignatureResult result = DetachedSignatures.verify(keys, world.artifact, dir.resolve("absent.asc"));

        assertThat(result).isEqualTo(SignatureResult.noSignature());
        assertThat(world.gpgVerify("absent.asc", world.artifact).exitCode()).isNotZero();
    }

    @Test
    void garbageSignatureFileIsMalformedInOneLine() throws Exception {
        Files.writeString(dir.resolve("garbage.asc"), "<html>\n<body>404 Not Found</body>\n</html>\n");

        SignatureResult result = check("garbage.asc");

        assertThat(result.status()).isEqualTo(Status.MALFORMED);
        assertThat(result.isGood()).isFalse();
        assertThat(result.detail()).startsWith("not an OpenPGP signature").doesNotContain("\n");
        assertThat(world.gpgVerify("garbage.asc", world.artifact).exitCode()).isNotZero();
    }

    @Test
    void anyTrustedSignatureAmongSeveralMakesItGood() throws Exception {
        SignatureResult result = check("two.asc");

        assertThat(result.status()).isEqualTo(Status.GOOD);
        assertThat(result.fingerprint()).contains(world.rsa);
        assertThat(world.gpgVerify("two.asc", world.artifact).hasStatus("GOODSIG")).isTrue();
    }

    @Test
    void textModeSignatureHoldsForOtherLineEndings() throws Exception {
        Path crlf = world.file("notes-crlf.txt");

        SignatureResult result = DetachedSignatures.verify(keys, crlf, world.file("notes.sig"));

        assertThat(result.status()).isEqualTo(Status.GOOD);
        assertThat(world.gpgVerify("notes.sig", crlf).exitCode()).isZero();
        Path trimmed = Files.writeString(dir.resolve("notes-trimmed.txt"), "Release notes\nline two\nlast line");
        assertThat(DetachedSignatures.verify(keys, trimmed, world.file("notes.sig")).status()).isEqualTo(Status.BAD);
        assertThat(world.gpgVerify("notes.sig", trimmed).exitCode()).isNotZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4093, 65_537})
    void streamingInOddChunksGivesTheSameResults(int chunk) throws Exception {
        for (String signature : List.of("rsa.asc", "ed.sig", "subkey.asc", "stranger.asc", "old-after-expiry.asc",
                "old-inside.asc", "before-creation.asc", "revoked.asc", "two.asc", "subkey-after-primary-expiry.asc")) {
            PendingSignature pending = DetachedSignatures.start(keys, world.bytes(signature));
            byte[] bytes = world.artifactBytes;
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                int length = Math.min(chunk, bytes.length - offset);
                if (offset % 2 == 0) {
                    pending.update(bytes, offset, length);
                } else {
                    pending.update(ByteBuffer.allocateDirect(length).put(bytes, offset, length).flip());
                }
            }
            assertThat(pending.finish()).as(signature + " in chunks of " + chunk).isEqualTo(check(signature));
        }
    }

    @Test
    void binarySecretAndArmoredKeyringsHoldTheSameKeys() throws Exception {
        TrustedKeys binary = Keyrings.load(List.of(world.file("trusted.gpg")));
        TrustedKeys secret = Keyrings.load(List.of(world.file("secret.gpg")));

        assertThat(keys.primaryFingerprints())
                .containsExactly(world.rsa, world.ed, world.old, world.withSubkey, world.revoked, world.expiredPrimary);
        assertThat(binary.primaryFingerprints()).isEqualTo(keys.primaryFingerprints());
        assertThat(secret.primaryFingerprints()).isEqualTo(keys.primaryFingerprints());
        assertThat(binary.size()).isEqualTo(keys.size()).isEqualTo(8);
        assertThat(DetachedSignatures.verify(binary, world.artifact, world.file("ed.sig")).status())
                .isEqualTo(Status.GOOD);
    }

    @Test
    void armoredKeyringsMayBeConcatenatedAndSplitAcrossFiles() throws Exception {
        Path rsaOnly = dir.resolve("rsa-only.asc");
        Path edOnly = dir.resolve("ed-only.asc");
        world.signer.ok("--armor", "--export", "-o", rsaOnly.toString(), world.rsa);
        world.signer.ok("--armor", "--export", "-o", edOnly.toString(), world.ed);
        Path both = Files.write(dir.resolve("both.asc"), Files.readAllBytes(rsaOnly));
        Files.write(both, Files.readAllBytes(edOnly), StandardOpenOption.APPEND);

        TrustedKeys concatenated = Keyrings.load(List.of(both));
        TrustedKeys split = Keyrings.load(List.of(rsaOnly, edOnly));

        assertThat(concatenated.primaryFingerprints()).containsExactly(world.rsa, world.ed);
        assertThat(split.primaryFingerprints()).containsExactly(world.rsa, world.ed);
        assertThat(DetachedSignatures.verify(split, world.artifact, world.file("subkey.asc")).status())
                .isEqualTo(Status.UNKNOWN_KEY);
    }

    @Test
    void gpgsKeyboxIsRefusedWithAHint() {
        Path keybox = world.signer.home().resolve("pubring.kbx");
        Assumptions.assumeTrue(Files.exists(keybox), "this gpg keeps no pubring.kbx");

        assertThatThrownBy(() -> Keyrings.load(List.of(keybox)))
                .isInstanceOf(KeyringException.class)
                .hasMessageContaining(keybox.toString())
                .hasMessageContaining("gpg --export");
    }

    @Test
    void keyringAndSignatureSwappedAreNamedForWhatTheyAre() throws Exception {
        SignatureResult result = check("trusted.asc");

        assertThat(result.status()).isEqualTo(Status.MALFORMED);
        assertThat(result.detail()).isEqualTo("not an OpenPGP signature: holds a key, not a signature");
        Path signature = world.file("rsa.asc");
        assertThatThrownBy(() -> Keyrings.load(List.of(signature)))
                .isInstanceOf(KeyringException.class)
                .hasMessage("keyring " + signature + ": holds an OpenPGP SignatureList object, not keys");
    }

    private SignatureResult check(String signature) throws IOException {
        SignatureResult result = DetachedSignatures.verify(keys, world.artifact, world.file(signature));
        assertThat(result.detail()).doesNotContain("\n");
        return result;
    }
}
