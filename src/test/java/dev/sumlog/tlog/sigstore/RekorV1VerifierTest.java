package dev.sumlog.tlog.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.Vectors;
import dev.sumlog.tlog.note.Checkpoint;
import java.security.PublicKey;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RekorV1VerifierTest {

    private static final String STAGING_NAME = "rekor.sigstage.dev";

    @BeforeEach
    void requireVectors() {
        SigstoreVectors.require();
    }

    @Test
    void parsesTheRealStagingLogEntry() {
        RekorV1Entry entry = SigstoreVectors.v1Entry();
        assertThat(entry.logIndex()).isEqualTo(1688);
        assertThat(entry.integratedTime()).isEqualTo(1656448131L);
        assertThat(entry.logId()).isEqualTo("d32f30a3c32d639c2b762205a21c7bb07788e68283a4ae6f42118723a1bea496");
        assertThat(entry.inclusionProof().logIndex()).isEqualTo(1227);
        assertThat(entry.inclusionProof().treeSize()).isEqualTo(14358);
        assertThat(entry.inclusionProof().hashes()).hasSize(14);
        assertThat(entry.signedEntryTimestamp()).isPresent();
    }

    @Test
    void realStagingEntryVerifiesWithRekorPubAndHostKeyName() {
        Checkpoint checkpoint = RekorV1Verifier.verify(SigstoreVectors.v1Entry(), SigstoreVectors.stagingV1Key(), STAGING_NAME);
        assertThat(checkpoint.origin()).isEqualTo("rekor.sigstage.dev - 108574341321668964");
        assertThat(checkpoint.size()).isEqualTo(14358);
    }

    @Test
    void theCheckpointKeyNameIsTheHostNotTheOrigin() {
        assertThatThrownBy(() -> RekorV1Verifier.verify(SigstoreVectors.v1Entry(), SigstoreVectors.stagingV1Key(),
                "rekor.sigstage.dev-108574341321668964"))
                .isInstanceOf(TlogException.class)
                .hasMessageContaining(": checkpoint: note: no verifiable signatures");
    }

    @Test
    void anotherLogsKeyFailsOnTheLogId() {
        PublicKey prod = SigstoreVectors.root(SigstoreVectors.PROD_ROOT).tlogs().get(0).key();
        assertThatThrownBy(() -> RekorV1Verifier.verify(SigstoreVectors.v1Entry(), prod, "rekor.sigstore.dev"))
                .hasMessageContaining("logID d32f30a3").hasMessageContaining("is not the log key's ID c0d23d6a");
    }

    @Test
    void aMissingSetFailsUnlessAllowed() {
        RekorV1Entry entry = SigstoreVectors.v1Entry();
        RekorV1Entry noSet = new RekorV1Entry(entry.entryId(), entry.body(), entry.integratedTime(), entry.logId(),
                entry.logIndex(), entry.inclusionProof(), Optional.empty());
        PublicKey key = SigstoreVectors.stagingV1Key();
        assertThatThrownBy(() -> RekorV1Verifier.verify(noSet, key, STAGING_NAME)).hasMessageContaining("SET: missing");
        assertThat(RekorV1Verifier.verify(noSet, key, STAGING_NAME, RekorV1Verifier.SetPolicy.IF_PRESENT).size())
                .isEqualTo(14358);
    }

    @Test
    void anEntryIdForAnotherBodyFails() {
        RekorV1Entry entry = SigstoreVectors.v1Entry();
        RekorV1Entry renamed = new RekorV1Entry("108e9186e8c5677a" + "00".repeat(32), entry.body(),
                entry.integratedTime(), entry.logId(), entry.logIndex(), entry.inclusionProof(),
                entry.signedEntryTimestamp());
        assertThatThrownBy(() -> RekorV1Verifier.verify(renamed, SigstoreVectors.stagingV1Key(), STAGING_NAME))
                .hasMessageContaining("does not name the body's leaf hash");
    }

    @Test
    void expectBodyTellsWhetherTheLogStoredWhatWasSent() {
        RekorV1Entry entry = SigstoreVectors.v1Entry();
        RekorV1Verifier.expectBody(entry, entry.body());
        assertThatThrownBy(() -> RekorV1Verifier.expectBody(entry, "{}".getBytes()))
                .hasMessageContaining("body: not the body that was sent");
    }

    @Test
    void everySingleByteChangeOfTheRealStagingEntryFails() {
        PublicKey key = SigstoreVectors.stagingV1Key();
        assertThat(Mutations.survivors(SigstoreVectors.v1Entry(),
                e -> RekorV1Verifier.verify((RekorV1Entry) e, key, STAGING_NAME))).isEmpty();
    }

    @Test
    void malformedResponsesGetOneLineNamingTheField() {
        String json = Vectors.text(SigstoreVectors.V1_ENTRY);
        assertThatThrownBy(() -> RekorV1Entry.parse(json.replace("\"treeSize\": 14358", "\"treeSize\": \"x\"")))
                .hasMessage("Rekor v1 LogEntry ac3650aee1c1b3821211cf07067c1a118d0a7f86867bbb1df340cb8fc9c221af:"
                        + " inclusionProof: 'treeSize' is not a non-negative integer");
        assertThatThrownBy(() -> RekorV1Entry.parse("{}")).hasMessage("Rekor v1 LogEntry: expected one entry, got 0");
        assertThatThrownBy(() -> RekorV1Entry.parse("[")).hasMessageStartingWith("Rekor v1 LogEntry: not valid JSON");
    }
}
