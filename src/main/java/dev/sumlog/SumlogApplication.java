package dev.sumlog;

import dev.sumlog.cli.SumlogCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point. The command line is parsed by picocli before any Spring context exists, so
 * {@code --help} and usage errors are instant; only {@code backfill} starts a Spring context (see
 * {@code BackfillContextConfiguration}), so this class carries no Spring annotations: it must not
 * pull component scanning or auto-configuration into any command.
 */
public class SumlogApplication {

    /**
     * Set by scripts/sumlog on the run that writes the class-data archive: the JVM replaces the
     * command's exit code with 1 when it cannot write the archive at exit, so the command's own code
     * is left in this file for the script to return.
     */
    static final String EXIT_CODE_FILE = "sumlog.exit-code-file";

    public static void main(String[] args) {
        int code = SumlogCommand.run(args);
        String exitCodeFile = System.getProperty(EXIT_CODE_FILE);
        if (exitCodeFile != null) {
            try {
                Files.writeString(Path.of(exitCodeFile), Integer.toString(code));
            } catch (IOException e) {
                // the script then returns the JVM's own exit code, which is this one unless the archive failed
            }
        }
        System.exit(code);
    }
}
