package dev.sumlog.signing;

import java.nio.file.Path;

/**
 * A key file sumlog cannot use. The message is one line that names the file and says what to do;
 * it never holds key bytes or a passphrase, so callers may print it as it is.
 */
public class SigningKeyException extends RuntimeException {

    public SigningKeyException(String message) {
        super(message);
    }

    SigningKeyException(String message, Throwable cause) {
        super(message, cause);
    }

    static final String ROLE = "signing key";

    /** "signing key FILE: problem", the one shape every message about a private key file takes. */
    static SigningKeyException about(Path file, String problem) {
        return PemFile.problem(ROLE, file, problem);
    }
}
