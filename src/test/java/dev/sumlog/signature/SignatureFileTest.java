package dev.sumlog.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.signature.SignatureResult.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signature files that are not detached signatures are MALFORMED, in one line, before any byte is hashed. Needs no gpg. */
class SignatureFileTest {

    @TempDir
    Path dir;

    private final TrustedKeys keys = TrustedKeys.none();

    @Test
    void emptyFile() {
        assertMalformed(new byte[0], "not an OpenPGP signature: empty file");
    }

    @Test
    void htmlErrorPageSavedAsAsc() {
        assertMalformed("<!DOCTYPE html>\n<title>404</title>\n".getBytes(StandardCharsets.UTF_8),
                "not an OpenPGP signature: neither binary OpenPGP nor ASCII armor");
    }

    @Test
    void clearsignedMessage() {
        String clearsigned = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nhello\n"
                + "-----BEGIN PGP SIGNATURE-----\n\niQ==\n-----END PGP SIGNATURE-----\n";
        assertMalformed(clearsigned.getBytes(StandardCharsets.US_ASCII),
                "not an OpenPGP signature: a clearsigned message, not a detached signature");
    }

    @Test
    void randomBinary() {
        byte[] noise = new byte[700];
        new Random(5).nextBytes(noise);
        noise[0] = (byte) 0x88; // an old-format signature packet tag, so the parser gets past the first byte

        SignatureResult result = DetachedSignatures.start(keys, noise).finish();

        assertThat(result.status()).isEqualTo(Status.MALFORMED);
        assertThat(result.detail()).startsWith("not an OpenPGP signature: ").doesNotContain("\n");
    }

    @Test
    void malformedNeedsNoContentAndIgnoresNothing() {
        PendingSignature pending = DetachedSignatures.start(keys, "junk".getBytes(StandardCharsets.US_ASCII));

        assertThat(pending.needsContent()).isFalse();
        pending.update(new byte[10], 0, 10);
        assertThat(pending.finish().status()).isEqualTo(Status.MALFORMED);
        assertThat(pending.finish()).isSameAs(pending.finish());
    }

    @Test
    void oversizedSignatureFileIsMalformedWithoutReadingIt() throws Exception {
        Path artifact = Files.write(dir.resolve("a.tar.gz"), new byte[] {1, 2, 3});
        Path huge = Files.write(dir.resolve("a.tar.gz.asc"), new byte[(int) DetachedSignatures.MAX_SIGNATURE_BYTES + 1]);

        SignatureResult result = DetachedSignatures.verify(keys, artifact, huge);

        assertThat(result.status()).isEqualTo(Status.MALFORMED);
        assertThat(result.detail()).contains("a.tar.gz.asc is larger than 1024 KiB");
    }

    @Test
    void noSignatureFactory() {
        SignatureResult none = SignatureResult.noSignature();

        assertThat(none.status()).isEqualTo(Status.NO_SIGNATURE);
        assertThat(none.fingerprint()).isEmpty();
        assertThat(none.isGood()).isFalse();
    }

    private void assertMalformed(byte[] signatureFile, String detail) {
        SignatureResult result = DetachedSignatures.verify(keys, new byte[] {1, 2, 3}, signatureFile);

        assertThat(result.status()).isEqualTo(Status.MALFORMED);
        assertThat(result.detail()).isEqualTo(detail);
        assertThat(result.fingerprint()).isEmpty();
    }
}
