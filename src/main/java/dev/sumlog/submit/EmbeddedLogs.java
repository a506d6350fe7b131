package dev.sumlog.submit;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.Note;
import dev.sumlog.tlog.note.NoteVerifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the embedded log with its key, refusing every state in which appending would be wrong: a
 * log whose key is lost (a new key would sign a checkpoint nobody can check against the published
 * key, so no new key is ever made over an existing log), a key that does not sign the log's
 * checkpoint, a key for another origin, or a damaged checkpoint or tile. Each refusal is one line
 * naming the file.
 */
public final class EmbeddedLogs {

    private EmbeddedLogs() {
    }

    /** A log that must not be appended to as it stands; the message names the file and what to do. */
    public static final class LogStateException extends RuntimeException {
        LogStateException(String message) {
            super(message);
        }
    }

    public static EmbeddedLogTarget open(Path stateDir, Path logDir, String origin) {
        Path keyFile = stateDir.resolve(LogKeyStore.FILE);
        Path checkpoint = logDir.resolve("checkpoint");
        if (!Files.exists(keyFile) && Files.exists(checkpoint)) {
            throw new LogStateException("the log in " + logDir + " exists, but its signing key " + keyFile
                    + " is missing; restore the key from a backup (sumlog never makes a new key for an existing log)");
        }
        Ed25519NoteSigner signer;
        try {
            signer = LogKeyStore.loadOrCreate(stateDir, origin);
        } catch (TlogException e) {
            throw new LogStateException("log key " + keyFile + " is damaged: " + e.getMessage());
        } catch (IOException e) {
            throw new LogStateException(oneLine(e));
        }
        checkSigns(signer, keyFile, checkpoint);
        try {
            return EmbeddedLogTarget.open(logDir, signer);
        } catch (TlogException e) {
            throw new LogStateException("the log in " + logDir + " is damaged: " + e.getMessage());
        } catch (IOException e) {
            throw new LogStateException("cannot open the log in " + logDir + ": " + oneLine(e));
        }
    }

    /** The stored checkpoint, when there is one, must be signed by this key. */
    private static void checkSigns(Ed25519NoteSigner signer, Path keyFile, Path checkpoint) {
        byte[] note;
        try {
            if (!Files.exists(checkpoint)) {
                return;
            }
            note = Files.readAllBytes(checkpoint);
        } catch (IOException e) {
            throw new LogStateException("cannot read " + checkpoint + ": " + oneLine(e));
        }
        Note parsed;
        try {
            parsed = Note.parse(note);
        } catch (RuntimeException e) {
            throw new LogStateException("checkpoint " + checkpoint + " is damaged: " + e.getMessage());
        }
        try {
            parsed.verify(NoteVerifiers.of(signer.verifier()));
        } catch (TlogException e) {
            throw new LogStateException("log key " + keyFile + " does not sign the log's checkpoint " + checkpoint
                    + " (a key from another log?); restore the log's own key");
        }
    }

    private static String oneLine(IOException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
