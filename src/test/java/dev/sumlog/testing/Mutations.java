package dev.sumlog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Strict-parser checks in the style of golang.org/x/mod/sumdb/note's tests: every single-byte change and
 * every truncation of a valid input must be rejected with the parser's own exception type and a message
 * naming the check, unless the format genuinely allows the changed input, in which case it must parse to
 * a different value (a parser that ignores bytes would give the same one).
 */
public final class Mutations {

    /** One changed copy of a valid input; {@code position} is the changed byte, or the prefix length. */
    public record Mutant(String description, int position, byte[] bytes) {
    }

    private static final int[] FLIPS = {0x01, 0x20, 0x80};
    private static final int[] REPLACEMENTS = {'\n', ' ', '%', 0x00, '\\', '*', '+', '='};

    private Mutations() {
    }

    /** Each byte replaced by each of a few values (bit flips and separators), skipping no-op changes. */
    public static List<Mutant> singleByteChanges(byte[] valid) {
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < valid.length; i++) {
            Set<Integer> values = new LinkedHashSet<>();
            for (int flip : FLIPS) {
                values.add((valid[i] ^ flip) & 0xff);
            }
            for (int value : REPLACEMENTS) {
                values.add(value);
            }
            values.remove(valid[i] & 0xff);
            for (int value : values) {
                byte[] bytes = valid.clone();
                bytes[i] = (byte) value;
                out.add(new Mutant(String.format("byte %d 0x%02x -> 0x%02x", i, valid[i], value), i, bytes));
            }
        }
        return out;
    }

    /** Every proper prefix, lengths 0..n-1. */
    public static List<Mutant> truncations(byte[] valid) {
        List<Mutant> out = new ArrayList<>();
        for (int n = 0; n < valid.length; n++) {
            out.add(new Mutant("prefix of " + n + " bytes", n, Arrays.copyOf(valid, n)));
        }
        return out;
    }

    /** How one parser must treat mutants; build with {@link #parser}, then call {@link #check}. */
    public static final class Strictness<T> {
        private final Function<byte[], T> parse;
        private final Function<T, ?> value;
        private final Class<? extends RuntimeException> rejection;
        private final Pattern message;
        private Predicate<Mutant> mayParse = m -> false;
        private Predicate<Mutant> sameValue = m -> false;

        private Strictness(Function<byte[], T> parse, Function<T, ?> value, Class<? extends RuntimeException> rejection,
                String messageRegex) {
            this.parse = parse;
            this.value = value;
            this.rejection = rejection;
            this.message = Pattern.compile(messageRegex, Pattern.DOTALL);
        }

        /** Mutants the format allows: they may parse, but then to a value other than the original's. */
        public Strictness<T> mayParse(Predicate<Mutant> allowed) {
            this.mayParse = allowed;
            return this;
        }

        /** Mutants that are a documented alternative spelling: they must parse to the original's value. */
        public Strictness<T> sameValue(Predicate<Mutant> spelling) {
            this.sameValue = spelling;
            return this;
        }

        /** Checks every mutant of {@code valid}, reporting all failures at once. */
        public void check(byte[] valid, List<Mutant> mutants) {
            Object original = value.apply(parse.apply(valid));
            List<String> failures = new ArrayList<>();
            int rejected = 0;
            for (Mutant m : mutants) {
                Object parsed;
                try {
                    parsed = value.apply(parse.apply(m.bytes()));
                } catch (RuntimeException | Error e) {
                    rejected++;
                    if (e.getClass() != rejection) {
                        failures.add(m.description() + ": threw " + e);
                    } else if (e.getMessage() == null || !message.matcher(e.getMessage()).matches()) {
                        failures.add(m.description() + ": message does not name the check: " + e.getMessage());
                    } else if (sameValue.test(m)) {
                        failures.add(m.description() + ": rejected an allowed spelling: " + e.getMessage());
                    }
                    continue;
                }
                if (sameValue.test(m)) {
                    if (!Objects.equals(parsed, original)) {
                        failures.add(m.description() + ": alternative spelling parsed to " + parsed);
                    }
                } else if (!mayParse.test(m)) {
                    failures.add(m.description() + ": accepted, as " + parsed);
                } else if (Objects.equals(parsed, original)) {
                    failures.add(m.description() + ": parsed to the original value, so a byte was ignored");
                }
            }
            assertThat(failures).as("mutants of %d-byte input", valid.length).isEmpty();
            assertThat(rejected).as("rejected mutants").isPositive();
        }
    }

    /**
     * @param parse     the parser under test
     * @param value     what identifies a parsed value (e.g. its canonical text), compared with equals
     * @param rejection the one exception class the parser documents (exact class, not a subclass)
     * @param messageRegex what every rejection message must match, e.g. {@code "tlog-proof: .+"}
     */
    public static <T> Strictness<T> parser(Function<byte[], T> parse, Function<T, ?> value,
            Class<? extends RuntimeException> rejection, String messageRegex) {
        return new Strictness<>(parse, value, rejection, messageRegex);
    }
}
