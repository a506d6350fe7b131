package dev.sumlog.signature;

/** Folds a message from a library (Bouncy Castle's can span lines) into one line of bounded length. */
final class OneLine {

    private static final int MAX = 200;

    private OneLine() {
    }

    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "no detail";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX ? line : line.substring(0, MAX) + "...";
    }

    /** A throwable's message, or its class name when it has none. */
    static String of(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : of(message);
    }
}
