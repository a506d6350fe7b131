package dev.sumlog.output;

import java.io.IOException;
import java.nio.file.Path;

/** A file sumlog did not write (or that changed since it wrote it) stands where an output would go. */
public class OutputClashException extends IOException {

    public OutputClashException(String relativePath, Path existing) {
        super("output " + relativePath + " would replace " + existing
                + ", a file sumlog did not write (or that changed since); left as it is");
    }
}
