package dev.sumlog.cli;

import dev.sumlog.release.Layout;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts the layout names the job file uses: {@code flat}, {@code per-directory}. */
class LayoutConverter implements ITypeConverter<Layout> {

    @Override
    public Layout convert(String value) {
        for (Layout layout : Layout.values()) {
            if (layout.name().replace('_', '-').equalsIgnoreCase(value)) {
                return layout;
            }
        }
        throw new TypeConversionException("unknown layout '" + value + "' (expected flat or per-directory)");
    }
}
