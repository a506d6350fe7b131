package dev.sumlog.release;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Project-name normalization per PEP 503.
 *
 * <p>File names on the archive spell one project several ways ({@code python-novaclient-17.0.0.tar.gz}
 * next to {@code python_novaclient-18.11.0.tar.gz}, {@code oslo.config-…} next to {@code oslo_config-…}),
 * so names are only ever compared after normalization. Invariant: a normalized name never contains
 * {@code _} or {@code .}, and never contains upper-case letters; sumlog relies on this to build file
 * names that no release can produce (see {@link SumsFileNames}).
 */
public final class ProjectNames {

    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[-_.]+");

    private ProjectNames() {
    }

    /**
     * Returns the PEP 503 normalized form: every run of {@code -}, {@code _} and {@code .} becomes one
     * {@code -}, and the result is lower-cased (locale-independently, so Turkish dotted i cannot leak in).
     */
    public static String normalize(String name) {
        if (name == null) {
            throw new IllegalArgumentException("project name must not be null");
        }
        return SEPARATOR_RUNS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }
}
