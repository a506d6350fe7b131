package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Ed25519NoteVerifier;
import dev.sumlog.tlog.note.Note;
import dev.sumlog.tlog.note.NoteVerifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;

/**
 * Offline verification of a Rekor v2 entry (rekor-tiles CLIENTS.md): the checkpoint first,
 * signed with the log's Ed25519 key (chosen by C2SP key ID) and with the log's host name as
 * origin; then the inclusion of SHA-256(0x00 || canonicalizedBody) at the entry's index, using
 * only the size and root of that verified checkpoint. There is no SET and no signed time.
 */
public final class RekorV2Verifier {

    private RekorV2Verifier() {
    }

    /** Verifies against a trusted log: its key ID must be the entry's, its host the origin. */
    public static Checkpoint verify(RekorV2Entry entry, LogKey log) {
        if (!MessageDigest.isEqual(entry.logKeyId(), log.keyId())) {
            throw new TlogException(where(entry) + ": logId.keyId " + entry.logKeyIdHex()
                    + " is not the key ID of " + log.baseUrl() + " (" + log.keyIdHex() + ")");
        }
        if (!log.isEd25519()) {
            throw new TlogException(where(entry) + ": log " + log.baseUrl() + " has a " + log.keyDetails()
                    + " key; only Ed25519 Rekor v2 checkpoints are supported");
        }
        return verify(entry, log.key(), log.host());
    }

    /**
     * Verifies against an Ed25519 log key whose note key name and checkpoint origin is
     * {@code origin}.
     *
     * @return the verified checkpoint
     * @throws TlogException naming the entry and the failed check
     */
    public static Checkpoint verify(RekorV2Entry entry, PublicKey ed25519, String origin) {
        String where = where(entry);
        byte[] raw = PublicKeys.rawEd25519(ed25519);
        byte[] keyId = LogKeys.c2spEd25519KeyId(origin, raw);
        if (!MessageDigest.isEqual(entry.logKeyId(), keyId)) {
            throw new TlogException(where + ": logId.keyId is not the C2SP key ID of " + origin + "'s key");
        }
        Checkpoint checkpoint;
        try {
            Note note = Note.parse(entry.inclusionProof().checkpoint().getBytes(StandardCharsets.UTF_8));
            checkpoint = Checkpoint.parse(note.text());
            note.verify(NoteVerifiers.of(new Ed25519NoteVerifier(origin, raw)));
        } catch (TlogException e) {
            throw new TlogException(where + ": checkpoint: " + e.getMessage(), e);
        }
        if (!checkpoint.origin().equals(origin)) {
            throw new TlogException(where + ": checkpoint: origin '" + checkpoint.origin() + "' != '" + origin + "'");
        }
        InclusionProof proof = entry.inclusionProof();
        // The proof's own size, root and index are unsigned claims; they must agree with what is signed.
        if (proof.treeSize() != checkpoint.size() || !MessageDigest.isEqual(proof.rootHash(), checkpoint.rootHash())) {
            throw new TlogException(where + ": inclusion proof: tree size or root hash differ from the checkpoint's");
        }
        if (proof.logIndex() != entry.logIndex()) {
            throw new TlogException(where + ": inclusion proof: logIndex " + proof.logIndex() + " != entry logIndex");
        }
        try {
            ProofVerifier.verifyInclusion(entry.logIndex(), checkpoint.size(),
                    Rfc6962.hashLeaf(entry.canonicalizedBody()), proof.hashes(), checkpoint.rootHash());
        } catch (TlogException e) {
            throw new TlogException(where + ": " + e.getMessage(), e);
        }
        return checkpoint;
    }

    /** Checks that the entry's body names exactly this digest, signature and public key. */
    public static void verifyBody(RekorV2Entry entry, byte[] sha256, byte[] signature, byte[] spki) {
        String where = where(entry) + ": body";
        HashedRekordBody body = HashedRekordBody.parse(entry.canonicalizedBody());
        if (!body.apiVersion().equals(HashedRekordV2.API_VERSION)) {
            throw new TlogException(where + ": apiVersion " + body.apiVersion() + " is not 0.0.2");
        }
        if (!MessageDigest.isEqual(body.sha256(), sha256)) {
            throw new TlogException(where + ": digest " + body.sha256Hex() + " is not the artifact's");
        }
        if (!MessageDigest.isEqual(body.signature(), signature)) {
            throw new TlogException(where + ": signature is not the one submitted");
        }
        if (body.certificate() || !MessageDigest.isEqual(body.verifierDer(), spki)) {
            throw new TlogException(where + ": verifier is not the submitted public key");
        }
    }

    private static String where(RekorV2Entry entry) {
        return "Rekor v2 entry " + entry.logIndex();
    }
}
