package dev.sumlog.cli;

import dev.sumlog.support.OneLine;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/**
 * Turns the binder's exceptions into one line an operator can act on: the full field path, its YAML
 * line and what was expected there, instead of a converter's class names.
 */
final class BindErrors {

    private BindErrors() {
    }

    /**
     * @param lines YAML line (1-based) per field path as the YAML loader names it
     *              ({@code tuning.threads}, {@code include[0]})
     * @param values the flattened YAML values by property name, for sections given a scalar (the
     *               binder has no property to report then)
     */
    static String describe(BindException e, Map<String, Integer> lines, Map<String, Object> values) {
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            return "unknown field(s): " + unbound.getUnboundProperties().stream()
                    .map(p -> field(p.getName().toString()))
                    .distinct().sorted()
                    .map(f -> OneLine.quote(f) + (lines.containsKey(f) ? " (line " + lines.get(f) + ")" : ""))
                    .collect(Collectors.joining(", "));
        }
        String field = field(e.getName().toString());
        Integer line = lines.get(field);
        ConfigurationProperty property = e.getProperty();
        Object value = property != null ? property.getValue() : values.get(e.getName().toString());
        String got = value == null ? "" : ", got \"" + OneLine.escape(value.toString()) + "\"";
        Class<?> type = e.getTarget().getType().resolve(Object.class);
        return (line != null ? "line " + line + ": " : "") + "field '" + field + "': " + expected(type, e) + got;
    }

    /** The binder names fields in its canonical form ({@code job.tuning.chunk-size}); the YAML loader the same, unprefixed. */
    private static String field(String name) {
        return name.replaceFirst("^" + JobFileLoader.PREFIX + "\\.", "");
    }

    private static String expected(Class<?> type, BindException e) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "expected a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "expected a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (type.isEnum()) {
            String[] names = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-')).toArray(String[]::new);
            return "expected " + String.join(", ", Arrays.copyOf(names, names.length - 1))
                    + (names.length > 1 ? " or " : "") + names[names.length - 1];
        }
        if (type.isRecord()) {
            return "expected a section with fields " + Arrays.stream(type.getRecordComponents())
                    .map(c -> kebab(c.getName())).collect(Collectors.joining(", "));
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return OneLine.escape(Objects.requireNonNullElse(root.getMessage(), root.toString()).lines().findFirst().orElse(""));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
