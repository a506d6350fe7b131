package dev.sumlog.verify;

import dev.sumlog.support.OneLine;
import dev.sumlog.support.Sha256;
import dev.sumlog.submit.ReleaseEntry;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.NoteVerifier;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.receipt.TlogProof;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks {@link Check#RECEIPT_SIGNATURE}, {@link Check#ENTRY} and {@link Check#INCLUSION} of one
 * receipt, in that order. Each step relies on the ones before it (the entry is only worth reading
 * once the checkpoint is authentic; inclusion needs the entry), so callers stop at the first
 * failure, and the accessors are only meaningful after all three passed.
 */
final class ReceiptChain {

    private final Path receiptFile;
    private final byte[] receiptBytes;
    private final NoteVerifier key;
    private final NoteVerifiers trusted;
    private final String sumsName;
    private final byte[] sumsBytes;
    private TlogProof receipt;
    private Checkpoint checkpoint;
    private byte[] entry;

    ReceiptChain(Path receiptFile, byte[] receiptBytes, NoteVerifier key, Path sumsFile, byte[] sumsBytes) {
        this.receiptFile = receiptFile;
        this.receiptBytes = receiptBytes.clone();
        this.key = key;
        this.trusted = NoteVerifiers.of(key);
        this.sumsName = sumsFile.getFileName().toString();
        this.sumsBytes = sumsBytes.clone();
    }

    CheckResult signature() {
        try {
            receipt = TlogProof.parse(receiptBytes);
            checkpoint = Checkpoint.fromSignedNote(receipt.checkpointNote().getBytes(StandardCharsets.UTF_8), trusted);
        } catch (TlogException | IllegalArgumentException e) {
            return CheckResult.fail(Check.RECEIPT_SIGNATURE, receiptFile + ": " + e.getMessage());
        }
        String keyLabel = key.name() + "+" + String.format("%08x", key.keyId());
        if (!checkpoint.origin().equals(key.name())) {
            // The signature is by this key, but over a checkpoint naming another log.
            return CheckResult.fail(Check.RECEIPT_SIGNATURE, "checkpoint is for log "
                    + OneLine.quote(checkpoint.origin()) + ", but the key " + keyLabel + " is for " + OneLine.quote(key.name()));
        }
        return CheckResult.ok(Check.RECEIPT_SIGNATURE, "checkpoint of " + checkpoint.origin() + " at size "
                + checkpoint.size() + " signed by " + keyLabel);
    }

    CheckResult entry() {
        Optional<byte[]> extra = receipt.extra();
        if (extra.isEmpty()) {
            return CheckResult.fail(Check.ENTRY, receiptFile + " carries no entry (no 'extra' line)");
        }
        ReleaseEntry parsed;
        try {
            parsed = ReleaseEntry.parse(extra.get());
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(Check.ENTRY, "the receipt's entry is not a " + ReleaseEntry.HEADER + " entry: "
                    + e.getMessage());
        }
        String sumsDigest = Sha256.hex(sumsBytes);
        if (!parsed.sumsSha256().equals(sumsDigest)) {
            return CheckResult.fail(Check.ENTRY, OneLine.quote(sumsName) + " has sha256 " + sumsDigest
                    + ", but the logged entry for " + parsed.release() + " says " + parsed.sumsSha256()
                    + " (sums file changed, or the receipt is for another sums file)");
        }
        if (!parsed.sumsPath().equals(sumsName) && !parsed.sumsPath().endsWith("/" + sumsName)) {
            return CheckResult.fail(Check.ENTRY, "the logged entry is for sums file " + OneLine.quote(parsed.sumsPath())
                    + ", not " + OneLine.quote(sumsName));
        }
        entry = extra.get();
        return CheckResult.ok(Check.ENTRY, "release " + parsed.release() + ", sums " + parsed.sumsPath()
                + " sha256 " + sumsDigest);
    }

    CheckResult inclusion() {
        try {
            receipt.verifyEntry(entry, trusted);
        } catch (TlogException e) {
            return CheckResult.fail(Check.INCLUSION, "entry " + receipt.index() + ": " + e.getMessage());
        }
        return CheckResult.ok(Check.INCLUSION, "entry " + receipt.index() + " is in the tree of size "
                + checkpoint.size() + ", root " + Base64.getEncoder().encodeToString(checkpoint.rootHash()));
    }

    /** The receipt's signed checkpoint; valid after {@link #signature()} passed. */
    Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The receipt's entry index; valid after {@link #signature()} passed. */
    long index() {
        return receipt.index();
    }

    /** The logged entry bytes; valid after {@link #entry()} passed. */
    byte[] entryBytes() {
        return entry.clone();
    }
}
