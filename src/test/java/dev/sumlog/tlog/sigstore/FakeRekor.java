package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.merkle.MemoryTree;
import dev.sumlog.tlog.merkle.ProofGenerator;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.EcdsaNoteVerifier;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteSigner;
import dev.sumlog.tlog.note.NoteVerifier;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Test logs built on our own Merkle tree and note signers, shaped like Rekor v1 (ECDSA key,
 * key-hint checkpoint signed under the host name, SET) and Rekor v2 (Ed25519 C2SP checkpoint).
 */
final class FakeRekor {

    static final String V1_URL = "https://rekor.test.example";
    static final String V2_URL = "https://log2026-test.rekor.test.example";

    private FakeRekor() {
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rekor v1 entries for {@code bodies}, all proven against one checkpoint of the full tree. */
    static List<RekorV1Entry> v1Entries(KeyPair logKey, List<byte[]> bodies) {
        MemoryTree tree = new MemoryTree();
        bodies.forEach(tree::appendEntry);
        long size = tree.size();
        NoteSigner signer = new EcdsaSigner(LogKeys.host(V1_URL), logKey);
        String note = new Checkpoint(LogKeys.host(V1_URL) + " - 42", size, tree.root()).sign(signer).format();
        String logId = HexFormat.of().formatHex(PublicKeys.sha256(logKey.getPublic().getEncoded()));
        List<RekorV1Entry> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            InclusionProof proof = new InclusionProof(i, size, tree.root(),
                    new ProofGenerator(tree).inclusionProof(i, size), note);
            byte[] body = bodies.get(i);
            // The virtual index runs ahead of the shard-local one, as after a shard rotation.
            RekorV1Entry unsigned = new RekorV1Entry("0000000000000042" + HashedRekordV1.uuid(body), body,
                    1_760_000_000L + i, logId, 1000 + i, proof, Optional.empty());
            byte[] set = sign(logKey.getPrivate(), RekorV1Verifier.setPayload(unsigned));
            entries.add(new RekorV1Entry(unsigned.entryId(), body, unsigned.integratedTime(), logId,
                    unsigned.logIndex(), proof, Optional.of(set)));
        }
        return entries;
    }

    /** A Rekor v2 log key: an Ed25519 note signer under the host name, and the matching LogKey. */
    record V2Log(Ed25519NoteSigner signer, LogKey logKey) {
        static V2Log create() {
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            Ed25519NoteSigner signer = new Ed25519NoteSigner(LogKeys.host(V2_URL), seed);
            String vkey = signer.verifier().verifierKey();
            // <name>+<hex id>+<base64>: the base64 may itself hold '+', so split after the second one.
            byte[] typed = Base64.getDecoder().decode(vkey.substring(vkey.indexOf('+', vkey.indexOf('+') + 1) + 1));
            byte[] spki = ByteBuffer.allocate(44).put(HexFormat.of().parseHex("302a300506032b6570032100"))
                    .put(Arrays.copyOfRange(typed, 1, typed.length)).array();
            return new V2Log(signer, LogKeys.fromSpki(V2_URL, spki));
        }
    }

    static List<RekorV2Entry> v2Entries(V2Log log, List<byte[]> bodies) {
        MemoryTree tree = new MemoryTree();
        bodies.forEach(tree::appendEntry);
        long size = tree.size();
        String note = new Checkpoint(LogKeys.host(V2_URL), size, tree.root()).sign(log.signer()).format();
        List<RekorV2Entry> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            InclusionProof proof = new InclusionProof(i, size, tree.root(),
                    new ProofGenerator(tree).inclusionProof(i, size), note);
            entries.add(new RekorV2Entry(i, log.logKey().keyId(), "hashedrekord", "0.0.2", 0, proof, bodies.get(i)));
        }
        return entries;
    }

    /** Rekor v1's checkpoint signer: ECDSA P-256, key hint SHA-256(SPKI)[:4]. */
    private record EcdsaSigner(String name, KeyPair pair) implements NoteSigner {
        @Override
        public int keyId() {
            return ByteBuffer.wrap(PublicKeys.sha256(pair.getPublic().getEncoded())).getInt();
        }

        @Override
        public byte[] sign(byte[] message) {
            return FakeRekor.sign(pair.getPrivate(), message);
        }

        @Override
        public NoteVerifier verifier() {
            return EcdsaNoteVerifier.fromSpki(name, pair.getPublic().getEncoded());
        }
    }
}
