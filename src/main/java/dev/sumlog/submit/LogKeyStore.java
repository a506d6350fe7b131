package dev.sumlog.submit;

import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The embedded log's Ed25519 signing key, in {@code <state>/log-signer.key} (C2SP signed-note
 * signer-key text, owner-only permissions). Created on first use; never logged, never in the
 * database. Its name is the log's origin, so a key belongs to exactly one log.
 */
public final class LogKeyStore {

    static final String FILE = "log-signer.key";

    private LogKeyStore() {
    }

    /** Loads the key, or creates one for {@code origin}; fails if the stored key is for another origin. */
    public static Ed25519NoteSigner loadOrCreate(Path stateDir, String origin) throws IOException {
        Path file = stateDir.resolve(FILE);
        if (!Files.exists(file)) {
            create(file, origin);
        }
        Ed25519NoteSigner signer = NoteKeys.parseSignerKey(Files.readString(file, StandardCharsets.UTF_8).trim());
        if (!signer.name().equals(origin)) {
            throw new IOException("log key " + file + " is for origin '" + signer.name() + "', but the job names '"
                    + origin + "'; one key per log (move the key away to start a new log)");
        }
        return signer;
    }

    /** The existing key, for commands that must not create one. */
    public static Ed25519NoteSigner load(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IOException("no log key in " + stateDir + " (it is created by the first backfill)");
        }
        return NoteKeys.parseSignerKey(Files.readString(file, StandardCharsets.UTF_8).trim());
    }

    private static void create(Path file, String origin) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE + ".new");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, NoteKeys.generate(origin).signerKey() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // Only one process holds the state lock; an existing key simply wins.
        } finally {
            Files.delete(temp);
        }
    }
}
