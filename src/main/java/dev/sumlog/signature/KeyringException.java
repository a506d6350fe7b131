package dev.sumlog.signature;

import java.nio.file.Path;

/**
 * A keyring file sumlog cannot use. The message is one line that names the file; it holds no key material,
 * so callers may print it as it is.
 */
public class KeyringException extends RuntimeException {

    KeyringException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "keyring FILE: problem", the one shape every message about a keyring file takes. */
    static KeyringException about(Path file, String problem) {
        return about(file, problem, null);
    }

    static KeyringException about(Path file, String problem, Throwable cause) {
        return new KeyringException("keyring " + file + ": " + OneLine.of(problem), cause);
    }
}
