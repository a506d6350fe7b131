package dev.sumlog.verify;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.NoteVerifier;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.tiles.TileReader;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Arrays;

/**
 * Check {@link Check#CONSISTENCY}: the log as published now must extend the tree the receipt
 * was signed for, and still hold the entry at the receipt's index. A log that was rolled back or
 * forked (shows one history to this user, another to others) fails here, with the same key.
 *
 * <p>An unreachable log (I/O error) is a skip, not a failure: the receipt alone already proves
 * the entry was logged, and a verifier offline must still work. Anything the log does serve is
 * checked, so a reachable log that serves bad data fails.
 */
final class ConsistencyCheck {

    private ConsistencyCheck() {
    }

    static CheckResult run(LogLocation log, NoteVerifier key, Checkpoint receiptCheckpoint, long index, byte[] entry) {
        return run(log, key, receiptCheckpoint, index, entry, "receipt's");
    }

    /** @param whose names the proof the checkpoint came from in messages: "receipt's" or "bundle's" */
    static CheckResult run(LogLocation log, NoteVerifier key, Checkpoint receiptCheckpoint, long index, byte[] entry,
                           String whose) {
        try {
            TileReader reader = TileReader.open(log.fetcher(), NoteVerifiers.of(key), key.name());
            reader.verifyExtends(receiptCheckpoint);
            byte[] logged = reader.entry(index);
            if (!Arrays.equals(logged, entry)) {
                return CheckResult.fail(Check.CONSISTENCY, log.name() + ": entry " + index
                        + " differs from the " + whose + " entry");
            }
            return CheckResult.ok(Check.CONSISTENCY, log.name() + " at size " + reader.size()
                    + " extends the " + whose + " checkpoint (size " + receiptCheckpoint.size() + ") and holds entry "
                    + index);
        } catch (IOException e) {
            return CheckResult.skip(Check.CONSISTENCY, "log unreachable (" + log.name() + ": " + describe(e) + ")");
        } catch (TlogException | IndexOutOfBoundsException e) {
            return CheckResult.fail(Check.CONSISTENCY, log.name() + ": " + e.getMessage());
        }
    }

    /** JDK network exceptions often carry no message (a refused connection is a bare ConnectException). */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e instanceof ConnectException ? "cannot connect" : e.getClass().getSimpleName();
    }
}
