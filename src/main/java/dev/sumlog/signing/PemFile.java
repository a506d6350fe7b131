package dev.sumlog.signing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * The PEM blocks of a small key file, with the reading errors a user can cause (missing, unreadable,
 * a directory, damaged base64) turned into one-line messages that start with the file's role
 * ("signing key", "public key") and name it. Messages never quote the file's content.
 */
final class PemFile {

    /** Key files are a few hundred bytes; a bigger file is not one, and is not read into memory. */
    private static final long MAX_BYTES = 1 << 20;

    private PemFile() {
    }

    static List<PemObject> blocks(String role, Path file) {
        String text = readText(role, file);
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
            }
            return blocks;
        } catch (IOException | RuntimeException e) {
            throw problem(role, file, "damaged PEM (bad base64 or a missing END line)");
        }
    }

    static SigningKeyException problem(String role, Path file, String problem) {
        return new SigningKeyException(role + " " + file + ": " + problem);
    }

    private static String readText(String role, Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw problem(role, file, "is a directory, not a key file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw problem(role, file, "too large to be a key file");
            }
            // Latin-1 maps every byte to a char, so a binary file still reaches the "not PEM" message.
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw problem(role, file, "no such file");
        } catch (AccessDeniedException e) {
            throw problem(role, file, "permission denied");
        } catch (IOException e) {
            throw problem(role, file, "cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }
}
