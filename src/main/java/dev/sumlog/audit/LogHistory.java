package dev.sumlog.audit;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Note;
import dev.sumlog.tlog.note.NoteVerifier;
import dev.sumlog.tlog.note.NoteVerifiers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a log's current tree extends what sumlog trusted before: the checkpoint kept in the
 * catalog, or, for a log with none kept yet, every checkpoint its receipts were signed for. In order:
 * the trusted checkpoint must still verify with the log's key, the served checkpoint must parse, be
 * signed by that key and name the log, its tiles must reproduce it, and for each anchor it must be no
 * smaller, have the same root at the same size, and extend it by a verified consistency proof.
 */
final class LogHistory {

    private LogHistory() {
    }

    /** The outcome for one log. */
    sealed interface Verdict {
    }

    /** The log extends every anchor; {@code anchors} says against what, for the report line. */
    record Consistent(VerifiedHead head, LogView view, String anchors) implements Verdict {
    }

    /** The log's history does not extend the trusted one; head and view are null when not verified. */
    record Broken(String kind, String evidence, LogView view) implements Verdict {
    }

    record Unreachable(String reason) implements Verdict {
    }

    /** No checkpoint and nothing trusted: nothing was ever logged there. */
    record Empty() implements Verdict {
    }

    /** A checkpoint the log must extend: the trusted one, or one a receipt was signed for. */
    private record Anchor(String what, Checkpoint checkpoint, boolean trusted) {
    }

    static Verdict check(AuditedLog log, Optional<String> trustedNote, Collection<String> receiptNotes) {
        NoteVerifiers keys = NoteVerifiers.of(log.key());
        List<Anchor> anchors = new ArrayList<>();
        if (trustedNote.isPresent()) {
            try {
                anchors.add(new Anchor("the trusted checkpoint", verified(trustedNote.get(), keys), true));
            } catch (TlogException | IllegalArgumentException e) {
                return new Broken(AuditAlerts.LOG_KEY_CHANGED, "the trusted checkpoint kept in the catalog does not "
                        + "verify with the log's key " + label(log.key()) + ": " + e.getMessage(), null);
            }
        } else {
            for (String note : receiptNotes) {
                try {
                    anchors.add(new Anchor("a receipt's checkpoint", verified(note, keys), false));
                } catch (TlogException | IllegalArgumentException e) {
                    // a receipt that does not verify is verifyReceipts' finding, not a trust anchor
                }
            }
        }
        anchors.sort(Comparator.comparingLong(a -> a.checkpoint().size()));
        Optional<byte[]> served;
        try {
            served = log.checkpoint(anchors.isEmpty() ? null : anchors.get(anchors.size() - 1).checkpoint().origin());
        } catch (IOException e) {
            return new Unreachable(Reasons.of(e));
        }
        if (served.isEmpty()) {
            return anchors.isEmpty() ? new Empty() : new Broken(AuditAlerts.LOG_ROLLED_BACK, "the log has no checkpoint; "
                    + describe(anchors.get(anchors.size() - 1)), null);
        }
        Note note;
        Checkpoint current;
        try {
            note = Note.parse(served.get());
            current = Checkpoint.parse(note.text());
        } catch (TlogException | IllegalArgumentException e) {
            return log.kind() == AuditedLog.Kind.EMBEDDED
                    ? new Broken(AuditAlerts.LOG_FORKED, "the log's checkpoint does not parse: " + e.getMessage(), null)
                    : new Unreachable("the log's checkpoint does not parse: " + e.getMessage());
        }
        try {
            note.verify(keys);
        } catch (TlogException e) {
            return new Broken(AuditAlerts.LOG_KEY_CHANGED, "the checkpoint at size " + current.size() + " is not signed by "
                    + "the log's key " + label(log.key()) + ": " + e.getMessage(), null);
        }
        if (!log.ownsOrigin(current.origin())) {
            return new Broken(AuditAlerts.LOG_FORKED, "the checkpoint names origin '" + current.origin()
                    + "', not this log's", null);
        }
        LogView view;
        try {
            view = log.at(new VerifiedHead(new String(served.get(), StandardCharsets.UTF_8), current));
        } catch (TlogException | IllegalArgumentException e) {
            return new Broken(AuditAlerts.LOG_FORKED, "the log's tiles do not reproduce its checkpoint at size "
                    + current.size() + ": " + e.getMessage(), null);
        } catch (IOException e) {
            return new Unreachable(Reasons.of(e));
        }
        for (Anchor anchor : anchors) {
            Optional<Broken> broken;
            try {
                broken = compare(anchor, current, view);
            } catch (IOException e) {
                return new Unreachable(Reasons.of(e));
            }
            if (broken.isPresent()) {
                return broken.get();
            }
        }
        String against = trustedNote.isPresent()
                ? "extends the trusted checkpoint (size " + anchors.get(0).checkpoint().size() + ")"
                : anchors.isEmpty() ? "first checkpoint trusted"
                : "extends the " + anchors.size() + " checkpoint(s) of its receipts; now trusted";
        return new Consistent(new VerifiedHead(new String(served.get(), StandardCharsets.UTF_8), current), view, against);
    }

    private static Optional<Broken> compare(Anchor anchor, Checkpoint current, LogView view) throws IOException {
        Checkpoint old = anchor.checkpoint();
        if (!anchor.trusted() && !old.origin().equals(current.origin())) {
            // A receipt from another Rekor v1 shard of the same log: a tree of its own, not comparable.
            return Optional.empty();
        }
        if (!old.origin().equals(current.origin())) {
            return Optional.of(new Broken(AuditAlerts.LOG_FORKED, "the log serves no tree head for '" + old.origin()
                    + "' (" + describe(anchor) + ")", view));
        }
        if (current.size() < old.size()) {
            return Optional.of(new Broken(AuditAlerts.LOG_ROLLED_BACK, "size " + current.size() + " with root "
                    + root(current) + " is smaller than " + describe(anchor), view));
        }
        if (current.size() == old.size()) {
            return MessageDigest.isEqual(current.rootHash(), old.rootHash()) ? Optional.empty()
                    : Optional.of(new Broken(AuditAlerts.LOG_FORKED, "at size " + current.size() + " the root is "
                    + root(current) + ", but " + describe(anchor), view));
        }
        try {
            view.verifyExtends(old);
            return Optional.empty();
        } catch (TlogException e) {
            return Optional.of(new Broken(AuditAlerts.LOG_FORKED, "size " + current.size() + " with root " + root(current)
                    + " does not extend " + describe(anchor) + ": " + e.getMessage(), view));
        }
    }

    private static Checkpoint verified(String note, NoteVerifiers keys) {
        return Checkpoint.fromSignedNote(note.getBytes(StandardCharsets.UTF_8), keys);
    }

    private static String describe(Anchor anchor) {
        return anchor.what() + " has size " + anchor.checkpoint().size() + " and root " + root(anchor.checkpoint());
    }

    private static String root(Checkpoint checkpoint) {
        return Base64.getEncoder().encodeToString(checkpoint.rootHash());
    }

    static String label(NoteVerifier key) {
        return key.name() + "+" + String.format("%08x", key.keyId());
    }
}
