package dev.sumlog.tlog.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.note.Checkpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RekorV2VerifierTest {

    private static LogKey alpha1() {
        return SigstoreVectors.root(SigstoreVectors.JAVA_STAGING_ROOT)
                .logByUrl("https://log2025-alpha1.rekor.sigstage.dev").orElseThrow();
    }

    @BeforeEach
    void requireVectors() {
        SigstoreVectors.require();
    }

    @Test
    void parsesTheRealStagingEntry() {
        RekorV2Entry entry = SigstoreVectors.v2Entry();
        assertThat(entry.logIndex()).isEqualTo(743);
        assertThat(entry.logKeyIdHex()).startsWith("f30d5a99");
        assertThat(entry.kind()).isEqualTo("hashedrekord");
        assertThat(entry.version()).isEqualTo("0.0.2");
        assertThat(entry.integratedTime()).isZero();
        assertThat(entry.inclusionProof().hashes()).hasSize(7);
    }

    @Test
    void realStagingEntryVerifiesWithTheTrustedRootKey() {
        Checkpoint checkpoint = RekorV2Verifier.verify(SigstoreVectors.v2Entry(), alpha1());
        assertThat(checkpoint.origin()).isEqualTo("log2025-alpha1.rekor.sigstage.dev");
        assertThat(checkpoint.size()).isEqualTo(744);
    }

    @Test
    void theOriginMustBeTheLogsHost() {
        LogKey log = alpha1();
        assertThatThrownBy(() -> RekorV2Verifier.verify(SigstoreVectors.v2Entry(), log.key(), "log2025-alpha2.rekor.sigstage.dev"))
                .hasMessageContaining("logId.keyId is not the C2SP key ID");
        LogKey wrongUrl = new LogKey("https://other.example", log.keyId(), log.key(), log.keyDetails(),
                log.validFrom(), log.validTo());
        assertThatThrownBy(() -> RekorV2Verifier.verify(SigstoreVectors.v2Entry(), wrongUrl))
                .hasMessageContaining("logId.keyId is not the C2SP key ID of other.example");
    }

    @Test
    void anotherLogFailsOnTheKeyId() {
        LogKey alpha2 = SigstoreVectors.root(SigstoreVectors.STAGING_ROOT)
                .logByUrl("https://log2025-alpha2.rekor.sigstage.dev").orElseThrow();
        assertThatThrownBy(() -> RekorV2Verifier.verify(SigstoreVectors.v2Entry(), alpha2))
                .hasMessageContaining("is not the key ID of https://log2025-alpha2.rekor.sigstage.dev");
    }

    @Test
    void bodyCheckRefusesACertificateForAKey() {
        RekorV2Entry entry = SigstoreVectors.v2Entry();
        HashedRekordBody body = HashedRekordBody.parse(entry.canonicalizedBody());
        byte[] spki = body.verifierKey().getEncoded();
        assertThatThrownBy(() -> RekorV2Verifier.verifyBody(entry, body.sha256(), body.signature(), spki))
                .hasMessageContaining("verifier is not the submitted public key");
        assertThatThrownBy(() -> RekorV2Verifier.verifyBody(entry, new byte[32], body.signature(), spki))
                .hasMessageContaining("is not the artifact's");
    }

    @Test
    void everySingleByteChangeOfTheRealStagingEntryFails() {
        LogKey log = alpha1();
        assertThat(Mutations.survivors(SigstoreVectors.v2Entry(),
                e -> RekorV2Verifier.verify((RekorV2Entry) e, log))).isEmpty();
    }
}
