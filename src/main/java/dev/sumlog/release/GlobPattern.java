package dev.sumlog.release;

import java.util.regex.Pattern;

/**
 * A small, platform-independent glob: {@code *} matches any run of characters except {@code /},
 * {@code **} matches any run including {@code /}, {@code ?} matches one character except {@code /};
 * everything else is literal. Matching ignores case, because a mutable file misread as a release would
 * later raise a false tamper alert, which costs far more than the rare over-match.
 *
 * <p>Written by hand rather than with {@code FileSystem.getPathMatcher} so that the meaning of a pattern
 * in a job file does not depend on the operating system sumlog runs on.
 */
record GlobPattern(String glob, Pattern regex) {

    static GlobPattern compile(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("glob pattern must not be blank");
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' && c != '?') {
                literal.append(c);
                continue;
            }
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (c == '?') {
                regex.append("[^/]");
            } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else {
                regex.append("[^/]*");
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
        return new GlobPattern(glob, Pattern.compile(regex.toString(), flags));
    }

    /** Patterns with a {@code /} are matched against the relative path, others against the file name. */
    boolean appliesToPath() {
        return glob.indexOf('/') >= 0;
    }

    boolean matches(String text) {
        return regex.matcher(text).matches();
    }
}
