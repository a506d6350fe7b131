package dev.sumlog.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated proofs verify, and any single flipped bit in a proof hash, root or leaf makes
 * them fail. Seeded, so every run checks the same cases.
 */
class ProofPropertyTest {

    private static final int MAX_SIZE = 1100;
    private static final MemoryTree TREE = new MemoryTree();
    private static final List<byte[]> ENTRIES = new ArrayList<>();

    @BeforeAll
    static void buildTree() {
        for (int i = 0; i < MAX_SIZE; i++) {
            byte[] entry = ("entry-" + i).getBytes();
            ENTRIES.add(entry);
            TREE.appendEntry(entry);
        }
    }

    @Test
    void rootsMatchTheDefinition() {
        ProofGenerator proofs = new ProofGenerator(TREE);
        for (int n = 0; n <= 300; n++) {
            assertThat(proofs.rootHash(n)).as("size %d", n).isEqualTo(Rfc6962.merkleTreeHash(ENTRIES.subList(0, n)));
        }
    }

    @Test
    void everyInclusionProofInSmallTreesVerifies() {
        ProofGenerator proofs = new ProofGenerator(TREE);
        for (int n = 1; n <= 70; n++) {
            byte[] root = proofs.rootHash(n);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = proofs.inclusionProof(i, n);
                byte[] leaf = Rfc6962.hashLeaf(ENTRIES.get(i));
                ProofVerifier.verifyInclusion(i, n, leaf, proof, root);
            }
        }
    }

    @Test
    void everyConsistencyProofInSmallTreesVerifies() {
        ProofGenerator proofs = new ProofGenerator(TREE);
        for (int n = 1; n <= 70; n++) {
            for (int m = 1; m <= n; m++) {
                ProofVerifier.verifyConsistency(m, n, proofs.consistencyProof(m, n), proofs.rootHash(m), proofs.rootHash(n));
            }
        }
    }

    @Test
    void randomInclusionProofsRejectEveryBitFlip() {
        Random random = new Random(6962);
        ProofGenerator proofs = new ProofGenerator(TREE);
        for (int c = 0; c < 300; c++) {
            int n = 1 + random.nextInt(MAX_SIZE);
            int i = random.nextInt(n);
            byte[] root = proofs.rootHash(n);
            byte[] leaf = Rfc6962.hashLeaf(ENTRIES.get(i));
            List<byte[]> proof = proofs.inclusionProof(i, n);
            assertThatCode(() -> ProofVerifier.verifyInclusion(i, n, leaf, proof, root)).doesNotThrowAnyException();

            int bit = random.nextInt(256);
            assertRejected(() -> ProofVerifier.verifyInclusion(i, n, flip(leaf, bit), proof, root));
            assertRejected(() -> ProofVerifier.verifyInclusion(i, n, leaf, proof, flip(root, bit)));
            if (!proof.isEmpty()) {
                int k = random.nextInt(proof.size());
                assertRejected(() -> ProofVerifier.verifyInclusion(i, n, leaf, flipAt(proof, k, bit), root));
            }
            if (n > 1) {
                int other = (i + 1 + random.nextInt(n - 1)) % n;
                assertRejected(() -> ProofVerifier.verifyInclusion(other, n, leaf, proof, root));
            }
        }
    }

    @Test
    void randomConsistencyProofsRejectEveryBitFlip() {
        Random random = new Random(9162);
        ProofGenerator proofs = new ProofGenerator(TREE);
        for (int c = 0; c < 300; c++) {
            int n = 1 + random.nextInt(MAX_SIZE);
            int m = 1 + random.nextInt(n);
            byte[] root1 = proofs.rootHash(m);
            byte[] root2 = proofs.rootHash(n);
            List<byte[]> proof = proofs.consistencyProof(m, n);
            assertThatCode(() -> ProofVerifier.verifyConsistency(m, n, proof, root1, root2)).doesNotThrowAnyException();

            int bit = random.nextInt(256);
            assertRejected(() -> ProofVerifier.verifyConsistency(m, n, proof, flip(root1, bit), root2));
            assertRejected(() -> ProofVerifier.verifyConsistency(m, n, proof, root1, flip(root2, bit)));
            if (!proof.isEmpty()) {
                int k = random.nextInt(proof.size());
                assertRejected(() -> ProofVerifier.verifyConsistency(m, n, flipAt(proof, k, bit), root1, root2));
            }
        }
    }

    @Test
    void generatorRejectsImpossibleRequests() {
        ProofGenerator proofs = new ProofGenerator(TREE);
        assertThatThrownBy(() -> proofs.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proofs.consistencyProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proofs.consistencyProof(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifierMessagesNameTheCheck() {
        ProofGenerator proofs = new ProofGenerator(TREE);
        byte[] leaf = Rfc6962.hashLeaf(ENTRIES.get(3));
        List<byte[]> proof = proofs.inclusionProof(3, 10);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(3, 10, leaf, proof, new byte[32]))
                .hasMessage("inclusion proof: computed root != expected root");
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(3, 10, leaf, proof.subList(0, 2), proofs.rootHash(10)))
                .hasMessage("inclusion proof: fewer hashes than the tree size needs");
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(10, 10, leaf, proof, proofs.rootHash(10)))
                .hasMessage("inclusion proof: index 10 >= tree size 10");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(0, 0, List.of(), new byte[32], new byte[32]))
                .hasMessage("consistency proof: old size is 0");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(3, 10, List.of(), proofs.rootHash(3), proofs.rootHash(10)))
                .hasMessage("consistency proof: empty proof for different sizes");
    }

    private static void assertRejected(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(TlogException.class);
    }

    static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[(bit / 8) % copy.length] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static List<byte[]> flipAt(List<byte[]> proof, int k, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(k, flip(proof.get(k), bit));
        return copy;
    }
}
