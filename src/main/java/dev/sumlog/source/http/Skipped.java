package dev.sumlog.source.http;

/**
 * A link, page or entry left out, with why.
 *
 * @param subject    what was left out: a raw href, a URL or a relative path, on one line
 * @param reason     one line saying why
 * @param navigation true for links every listing carries and a crawl ignores silently (sort links,
 *                   the parent link); false for anything worth reporting (a link out of the root,
 *                   a broken name, a page that could not be read)
 */
public record Skipped(String subject, String reason, boolean navigation) {

    public Skipped {
        subject = OneLine.of(subject);
        reason = OneLine.of(reason);
    }

    public static Skipped problem(String subject, String reason) {
        return new Skipped(subject, reason, false);
    }

    public static Skipped navigation(String subject, String reason) {
        return new Skipped(subject, reason, true);
    }

    @Override
    public String toString() {
        return subject + ": " + reason;
    }
}
