package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.EcdsaNoteVerifier;
import dev.sumlog.tlog.note.Note;
import dev.sumlog.tlog.note.NoteVerifiers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offline verification of a Rekor v1 entry against the log's ECDSA key (rekor
 * {@code pkg/verify}): the log ID names the key, the SET signs the entry's metadata, the
 * inclusion proof leads from the body's leaf hash to the root, and a checkpoint signed by the
 * log vouches for that root.
 *
 * <p>The checkpoint's signature line uses the log's host name as key name (e.g.
 * {@code rekor.sigstore.dev}), not the checkpoint origin ({@code rekor.sigstore.dev - <treeID>}).
 */
public final class RekorV1Verifier {

    /** Whether an entry without a SET is acceptable (some bundles omit it; the API always sends it). */
    public enum SetPolicy { REQUIRED, IF_PRESENT }

    private RekorV1Verifier() {
    }

    /** Verifies an entry as the API returns it, SET required; returns the verified checkpoint. */
    public static Checkpoint verify(RekorV1Entry entry, PublicKey logKey, String checkpointKeyName) {
        return verify(entry, logKey, checkpointKeyName, SetPolicy.REQUIRED);
    }

    /**
     * Verifies log ID, entry ID, inclusion, SET and checkpoint, in that order.
     *
     * @return the checkpoint, whose signature, size and root hash have been checked
     * @throws TlogException naming the entry and the check that failed
     */
    public static Checkpoint verify(RekorV1Entry entry, PublicKey logKey, String checkpointKeyName, SetPolicy policy) {
        String where = "Rekor v1 entry " + entry.uuid();
        if (!PublicKeys.isEc(logKey)) {
            throw new TlogException(where + ": log key is " + logKey.getAlgorithm() + ", Rekor v1 logs sign with ECDSA");
        }
        byte[] spki = logKey.getEncoded();
        String keyLogId = HexFormat.of().formatHex(PublicKeys.sha256(spki));
        if (!keyLogId.equals(entry.logId())) {
            throw new TlogException(where + ": logID " + entry.logId() + " is not the log key's ID " + keyLogId);
        }
        if (!entry.entryId().endsWith(entry.uuid())) {
            throw new TlogException(where + ": entry ID " + entry.entryId() + " does not name the body's leaf hash");
        }
        // Inclusion first: hashing is much cheaper than the two ECDSA checks that follow.
        InclusionProof proof = entry.inclusionProof();
        try {
            ProofVerifier.verifyInclusion(proof.logIndex(), proof.treeSize(),
                    HashedRekordV1.leafHash(entry.body()), proof.hashes(), proof.rootHash());
        } catch (TlogException e) {
            throw new TlogException(where + ": " + e.getMessage(), e);
        }
        if (entry.signedEntryTimestamp().isPresent()) {
            if (!verifyEcdsa(logKey, setPayload(entry), entry.signedEntryTimestamp().get())) {
                throw new TlogException(where + ": SET: signature does not verify over body, integratedTime, logID, logIndex");
            }
        } else if (policy == SetPolicy.REQUIRED) {
            throw new TlogException(where + ": SET: missing signedEntryTimestamp");
        }
        return verifyCheckpoint(where, proof, EcdsaNoteVerifier.fromSpki(checkpointKeyName, spki));
    }

    /** Checks that the log stored exactly the body that was sent (or predicted). */
    public static void expectBody(RekorV1Entry entry, byte[] expectedBody) {
        if (!MessageDigest.isEqual(entry.body(), expectedBody)) {
            throw new TlogException("Rekor v1 entry " + entry.uuid() + ": body: not the body that was sent (expected UUID "
                    + HashedRekordV1.uuid(expectedBody) + ")");
        }
    }

    /**
     * What the SET signs: RFC 8785 JSON of {body (base64), integratedTime, logID (hex), logIndex
     * (virtual)}, i.e. the LogEntry without its verification object.
     */
    public static byte[] setPayload(RekorV1Entry entry) {
        ObjectNode payload = SigstoreJson.MAPPER.createObjectNode();
        payload.put("body", Base64.getEncoder().encodeToString(entry.body()));
        payload.put("integratedTime", entry.integratedTime());
        payload.put("logID", entry.logId());
        payload.put("logIndex", entry.logIndex());
        return CanonicalJson.bytes(payload);
    }

    private static Checkpoint verifyCheckpoint(String where, InclusionProof proof, EcdsaNoteVerifier verifier) {
        Checkpoint checkpoint;
        try {
            Note note = Note.parse(proof.checkpoint().getBytes(StandardCharsets.UTF_8));
            checkpoint = Checkpoint.parse(note.text());
            note.verify(NoteVerifiers.of(verifier));
        } catch (TlogException e) {
            throw new TlogException(where + ": checkpoint: " + e.getMessage(), e);
        }
        if (checkpoint.size() != proof.treeSize()) {
            throw new TlogException(where + ": checkpoint: size " + checkpoint.size()
                    + " != proof tree size " + proof.treeSize());
        }
        if (!MessageDigest.isEqual(checkpoint.rootHash(), proof.rootHash())) {
            throw new TlogException(where + ": checkpoint: root hash != proof root hash");
        }
        return checkpoint;
    }

    static boolean verifyEcdsa(PublicKey key, byte[] message, byte[] signatureDer) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureDer);
        } catch (SignatureException e) {
            return false; // malformed DER is simply not a valid signature
        } catch (GeneralSecurityException e) {
            throw new TlogException("SET: log key cannot verify ECDSA signatures (" + key.getAlgorithm() + ")", e);
        }
    }
}
