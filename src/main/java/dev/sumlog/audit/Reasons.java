package dev.sumlog.audit;

import java.net.ConnectException;

/** One line for why something could not be read (JDK network exceptions often carry no message). */
final class Reasons {

    private Reasons() {
    }

    static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                String message = t.getMessage();
                return message.lines().findFirst().orElse(message);
            }
        }
        return e instanceof ConnectException ? "cannot connect" : e.getClass().getSimpleName();
    }
}
