package dev.sumlog.digest.archive;

import java.io.IOException;

/**
 * Thrown through Commons Compress to stop a walk once a cap is reached. Its finding is already
 * recorded when it is thrown, so it does not matter if a library wraps or swallows it on the way.
 */
final class InspectionStopped extends IOException {

    InspectionStopped(String message) {
        super(message);
    }

    /** An expected stop, not a bug: no stack trace to fill. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
