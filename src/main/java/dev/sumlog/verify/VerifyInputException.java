package dev.sumlog.verify;

import dev.sumlog.support.OneLine;
/**
 * The inputs of a verification are unusable (missing file, no sums file to pick, bad key text...),
 * so no check ran. The message names the file, URL or option to fix.
 */
public class VerifyInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VerifyInputException(String message) {
        super(OneLine.escape(message));
    }
}
