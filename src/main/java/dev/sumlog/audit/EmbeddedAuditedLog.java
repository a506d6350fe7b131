package dev.sumlog.audit;

import dev.sumlog.catalog.AuditRepository.LoggedSubmission;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.NoteVerifier;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.receipt.TlogProof;
import dev.sumlog.tlog.tiles.FileTileFetcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded log in its directory, trusted with the verifier of the state directory's log key.
 * Its receipts ({@code .tlog-proof}) are checked as a downstream user would, but against the
 * catalog's own record: the index and entry the catalog holds for the release.
 */
public final class EmbeddedAuditedLog extends TiledLog {

    private static final int VERIFIED_NOTES_KEPT = 64;

    private final Path dir;
    private final String origin;
    private final Map<String, Checkpoint> verified = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Checkpoint> eldest) {
            return size() > VERIFIED_NOTES_KEPT;
        }
    };

    public EmbeddedAuditedLog(Path dir, NoteVerifier key, String origin) {
        super(new FileTileFetcher(dir), key, origin);
        this.dir = dir;
        this.origin = origin;
    }

    @Override
    public Kind kind() {
        return Kind.EMBEDDED;
    }

    @Override
    public String id() {
        return origin;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public byte[] expectedEntry(LoggedSubmission submission) {
        return submission.entry().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void verifyReceipt(LoggedSubmission submission, byte[] receipt) {
        TlogProof proof;
        try {
            proof = TlogProof.parse(receipt);
        } catch (IllegalArgumentException e) {
            throw new TlogException("not a tlog-proof: " + e.getMessage(), e);
        }
        byte[] entry = expectedEntry(submission);
        if (proof.index() != submission.logIndex()) {
            throw new TlogException("the receipt is for entry " + proof.index() + ", but the release was logged at "
                    + submission.logIndex());
        }
        if (proof.extra().isPresent() && !Arrays.equals(proof.extra().get(), entry)) {
            throw new TlogException("the receipt carries another entry than the one logged for the release");
        }
        Checkpoint checkpoint = verifiedCheckpoint(proof.checkpointNote());
        try {
            ProofVerifier.verifyInclusion(proof.index(), checkpoint.size(), Rfc6962.hashLeaf(entry), proof.proof(),
                    checkpoint.rootHash());
        } catch (TlogException e) {
            throw new TlogException("inclusion of entry " + proof.index() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The receipt's checkpoint, its signature and origin checked. The receipts of one append share its
     * checkpoint, so each distinct note is verified once (Ed25519 verification costs more than all the
     * rest of a receipt's checks, measured: 10,000 receipts took 107 s verifying every note twice).
     */
    private Checkpoint verifiedCheckpoint(String note) {
        Checkpoint known = verified.get(note);
        if (known != null) {
            return known;
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.fromSignedNote(note.getBytes(StandardCharsets.UTF_8), NoteVerifiers.of(key()));
        } catch (TlogException e) {
            throw new TlogException("checkpoint signature: " + e.getMessage(), e);
        }
        if (!checkpoint.origin().equals(origin)) {
            throw new TlogException("checkpoint is for log '" + checkpoint.origin() + "', not '" + origin + "'");
        }
        verified.put(note, checkpoint);
        return checkpoint;
    }
}
