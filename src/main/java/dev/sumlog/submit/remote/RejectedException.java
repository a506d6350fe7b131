package dev.sumlog.submit.remote;

import java.io.IOException;

/** The log refused a request for good (HTTP 400): sending the same bytes again cannot help. */
public class RejectedException extends IOException {

    public RejectedException(String message) {
        super(message);
    }
}
