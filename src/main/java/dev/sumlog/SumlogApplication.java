package dev.sumlog;

import dev.sumlog.cli.SumlogCommand;

/**
 * Entry point. The command line is parsed by picocli before any Spring context exists, so
 * {@code --help} and usage errors are instant; only {@code backfill} starts a Spring context (see
 * {@code BackfillContextConfiguration}), so this class carries no Spring annotations: it must not
 * pull component scanning or auto-configuration into any command.
 */
public class SumlogApplication {

    public static void main(String[] args) {
        System.exit(SumlogCommand.run(args));
    }
}
