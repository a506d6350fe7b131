package dev.sumlog.submit;

import dev.sumlog.support.PausePoint;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.receipt.TlogProof;
import dev.sumlog.tlog.tiles.TileLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The default log: a C2SP tlog-tiles log sumlog writes itself under a directory, publishable as
 * static files. Receipts are verified with the log's public key like any remote log's would be,
 * so a corrupted tile on disk is caught before a release is recorded as logged.
 *
 * <p>Assumes a single writer, which the state-directory lock guarantees.
 */
public final class EmbeddedLogTarget implements LogTarget {

    private final TileLog log;
    private final NoteVerifiers verifiers;
    private final String origin;
    private final Path dir;
    private String lastVerifiedNote;
    private Checkpoint lastVerified;

    private EmbeddedLogTarget(TileLog log, NoteVerifiers verifiers, String origin, Path dir) {
        this.log = log;
        this.dir = dir;
        this.verifiers = verifiers;
        this.origin = origin;
    }

    public static EmbeddedLogTarget open(Path dir, Ed25519NoteSigner signer) throws IOException {
        TileLog log = TileLog.open(dir, signer, signer.name(), () -> PausePoint.reached("log-file"));
        return new EmbeddedLogTarget(log, NoteVerifiers.of(signer.verifier()),
                signer.name(), dir);
    }

    @Override
    public String id() {
        return origin;
    }

    @Override
    public long nextIndex() {
        return log.size();
    }

    @Override
    public Optional<Logged> find(byte[] entry, long index) throws IOException {
        if (index < 0 || index >= log.size() || !Arrays.equals(log.entry(index), entry)) {
            return Optional.empty();
        }
        return Optional.of(verified(entry, index));
    }

    @Override
    public List<Logged> append(List<byte[]> entries) throws IOException {
        long first = log.append(entries);
        List<Logged> logged = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            logged.add(verified(entries.get(i), first + i));
        }
        return logged;
    }

    /**
     * Verifies a receipt: its checkpoint's signature (once per distinct checkpoint, since a batch
     * shares one and Ed25519 verification dominates otherwise) and the entry's inclusion proof.
     */
    private Logged verified(byte[] entry, long index) throws IOException {
        TlogProof receipt = log.receipt(index);
        if (!receipt.checkpointNote().equals(lastVerifiedNote)) {
            Checkpoint checkpoint = Checkpoint.fromSignedNote(receipt.checkpointNote().getBytes(StandardCharsets.UTF_8),
                    verifiers);
            if (!checkpoint.origin().equals(origin)) {
                throw new IOException("receipt checkpoint is for " + checkpoint.origin() + ", not " + origin);
            }
            lastVerifiedNote = receipt.checkpointNote();
            lastVerified = checkpoint;
        }
        ProofVerifier.verifyInclusion(index, lastVerified.size(), Rfc6962.hashLeaf(entry), receipt.proof(),
                lastVerified.rootHash());
        return new Logged(index, receipt);
    }

    @Override
    public String checkpointNote() {
        return log.checkpointNote();
    }

    @Override
    public void verifyExtends(String trustedCheckpointNote) throws IOException {
        Checkpoint trusted = Checkpoint.fromSignedNote(trustedCheckpointNote.getBytes(StandardCharsets.UTF_8), verifiers);
        try {
            log.reader().verifyExtends(trusted);
        } catch (TlogException e) {
            throw new IOException("the log in " + dir + " does not extend the checkpoint sumlog trusted (size "
                    + trusted.size() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // Nothing is held open between appends: every file is written and renamed atomically.
    }
}
