package dev.sumlog.release;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and normalizes version strings per PEP 440, the way {@code str(packaging.version.Version(v))}
 * does, so the same release spelled {@code 27.0.0.0RC1}, {@code v27.0.0.0-rc.1} or {@code 27.0.0.0c1}
 * gets one key.
 *
 * <p>Normal form: {@code [E!]R[{a|b|rc}N][.postN][.devN][+local]}, with the epoch left out when 0,
 * leading zeros dropped from every number, missing pre/post/dev numbers taken as 0, and the local label
 * lower-cased with {@code .} as its only separator. Invariant: a normalized version never contains
 * {@code -}, which keeps {@code <project>-<version>} names unambiguous.
 *
 * <p>Surrounding whitespace, which PEP 440 tolerates, is rejected here: the input is always a slice of a
 * file name, and a space there means the slice is wrong.
 */
public final class Pep440Version {

    private static final Pattern VERSION = Pattern.compile(
            "v?"
                    + "(?:(?<epoch>[0-9]+)!)?"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?:[-_.]?(?<preLabel>alpha|a|beta|b|preview|pre|rc|c)[-_.]?(?<preNumber>[0-9]+)?)?"
                    + "(?:-(?<implicitPost>[0-9]+)"
                    + "|[-_.]?(?<postLabel>post|rev|r)[-_.]?(?<postNumber>[0-9]+)?)?"
                    + "(?:[-_.]?(?<devLabel>dev)[-_.]?(?<devNumber>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LOCAL_SEPARATOR = Pattern.compile("[-_.]");

    private Pep440Version() {
    }

    /** Returns the normalized version, or empty when {@code text} is not a PEP 440 version. */
    public static Optional<String> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        String epoch = m.group("epoch");
        if (epoch != null && !stripLeadingZeros(epoch).equals("0")) {
            out.append(stripLeadingZeros(epoch)).append('!');
        }
        out.append(normalizeDotted(m.group("release")));
        if (m.group("preLabel") != null) {
            out.append(canonicalPreLabel(m.group("preLabel"))).append(numberOrZero(m.group("preNumber")));
        }
        if (m.group("implicitPost") != null) {
            out.append(".post").append(stripLeadingZeros(m.group("implicitPost")));
        } else if (m.group("postLabel") != null) {
            out.append(".post").append(numberOrZero(m.group("postNumber")));
        }
        if (m.group("devLabel") != null) {
            out.append(".dev").append(numberOrZero(m.group("devNumber")));
        }
        if (m.group("local") != null) {
            out.append('+').append(normalizeLocal(m.group("local")));
        }
        return Optional.of(out.toString());
    }

    /** True when {@code text} parses as a PEP 440 version. */
    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    private static String canonicalPreLabel(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.equals("a") || lower.equals("alpha")) {
            return "a";
        }
        if (lower.equals("b") || lower.equals("beta")) {
            return "b";
        }
        return "rc"; // c, pre, preview and rc are the same release candidate per PEP 440
    }

    private static String normalizeDotted(String dotted) {
        String[] parts = dotted.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(stripLeadingZeros(parts[i]));
        }
        return out.toString();
    }

    /** Local labels compare numeric parts as integers, so {@code +007} and {@code +7} are one label. */
    private static String normalizeLocal(String local) {
        String[] parts = LOCAL_SEPARATOR.split(local.toLowerCase(Locale.ROOT));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(parts[i].chars().allMatch(Character::isDigit) ? stripLeadingZeros(parts[i]) : parts[i]);
        }
        return out.toString();
    }

    private static String numberOrZero(String digits) {
        return digits == null ? "0" : stripLeadingZeros(digits);
    }

    /** Works on the digit string, not on a long, so a 30-digit date-like component cannot overflow. */
    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
