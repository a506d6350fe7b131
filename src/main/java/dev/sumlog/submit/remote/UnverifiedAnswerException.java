package dev.sumlog.submit.remote;

import java.io.IOException;

/**
 * The log answered, but what it returned (a signed entry timestamp, an inclusion proof, a
 * checkpoint, the logged body, a timestamp) did not verify. Never recorded as logged: it is an alert.
 */
public class UnverifiedAnswerException extends IOException {

    public UnverifiedAnswerException(String message) {
        super(message);
    }

    public UnverifiedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
