package dev.sumlog.cli;

/** A usage or configuration error: printed as one line, exit code {@link ExitCodes#USAGE}. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
