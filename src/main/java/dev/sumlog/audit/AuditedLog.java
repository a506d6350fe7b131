package dev.sumlog.audit;

import dev.sumlog.catalog.AuditRepository.LoggedSubmission;
import dev.sumlog.tlog.note.NoteVerifier;
import java.io.IOException;
import java.util.Optional;

/**
 * One transparency log of a job as the audit sees it: where it is, the key it must sign with, how
 * its current checkpoint is read, and how a receipt sumlog published for it is verified offline.
 * Nothing here trusts what the log serves: every checkpoint is checked against {@link #key()} by the
 * caller, and every view ({@link #at}) is bound to one checkpoint so that all later reads are checked
 * against that tree.
 */
public interface AuditedLog {

    /** The kinds of log an audit checks (an rget recorder returns nothing to check). */
    enum Kind {
        EMBEDDED("embedded"), REKOR_V1("rekor-v1"), REKOR_V2("rekor-v2");

        private final String target;

        Kind(String target) {
            this.target = target;
        }

        /** The job file's {@code target:} name. */
        public String target() {
            return target;
        }
    }

    Kind kind();

    /** The log's name in the catalog ({@code submission.log_id}, {@code log_checkpoint.log_id}). */
    String id();

    /** Where the log is, for messages and alert subjects: its directory or URL. */
    String location();

    /** The trusted key its checkpoints must be signed with. */
    NoteVerifier key();

    /** Whether a checkpoint naming {@code origin} can be this log's (a Rekor v1 shard: {@code <host> - <treeID>}). */
    boolean ownsOrigin(String origin);

    /**
     * The log's current signed checkpoint note as served, unverified; for Rekor v1 the one of the shard
     * {@code origin} names, else its active shard's. Empty when the log has none (an embedded log whose
     * checkpoint file is gone).
     *
     * @param origin the origin of the trusted checkpoint, or null
     * @throws IOException the log could not be reached or did not answer like a log
     */
    Optional<byte[]> checkpoint(String origin) throws IOException;

    /**
     * The log as of {@code head}, a checkpoint whose signature the caller verified.
     *
     * @throws dev.sumlog.tlog.TlogException the log's data does not reproduce that checkpoint
     */
    LogView at(VerifiedHead head) throws IOException;

    /** The exact entry the log must hold for a logged submission (the embedded entry, or Rekor's canonical body). */
    byte[] expectedEntry(LoggedSubmission submission);

    /**
     * Verifies a receipt published for a submission, offline.
     *
     * @throws dev.sumlog.tlog.TlogException naming the check that failed, in one line without time stamps
     */
    void verifyReceipt(LoggedSubmission submission, byte[] receipt);
}
